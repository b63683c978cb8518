package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A rendered page and assertions on its HTML, in the spirit of jte's own {@code whenRendered/thenContains} tests. */
final class Rendered {

    private static final Templates TEMPLATES = new Templates();

    private final String template;
    private final String html;

    private Rendered(String template, String html) {
        this.template = template;
        this.html = html;
    }

    /** Renders a root template with its page record. */
    static Rendered whenRendered(String template, Object page) {
        return new Rendered(template, TEMPLATES.render(template, page));
    }

    String html() {
        return html;
    }

    Rendered thenContains(String... fragments) {
        assertThat(html).as(template).contains(fragments);
        return this;
    }

    Rendered thenDoesNotContain(String... fragments) {
        for (String fragment : fragments) {
            assertThat(html).as(template).doesNotContain(fragment);
        }
        return this;
    }

    /** Asserts that the fragments occur in this order. */
    Rendered thenContainsInOrder(String... fragments) {
        assertThat(html).as(template).containsSubsequence(fragments);
        return this;
    }

    /** Returns the opening tag that carries the given attribute, such as {@code name="epochs"}; fails if none. */
    String tagWith(String attribute) {
        Matcher m = Pattern.compile("<[a-z]+\\b[^>]*\\s" + Pattern.quote(attribute) + "[^>]*>")
                .matcher(html);
        assertThat(m.find()).as("a tag with %s in %s", attribute, template).isTrue();
        return m.group();
    }

    /** Returns the position of a fragment; fails if absent. */
    int indexOf(String fragment) {
        int i = html.indexOf(fragment);
        assertThat(i).as("position of %s in %s", fragment, template).isNotNegative();
        return i;
    }
}
