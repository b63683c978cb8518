package dev.lectern.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Notes that would overflow the parser's stack render as plain text; ordinary notes render as Markdown. */
class MarkdownTest {

    static Stream<String> hostile() {
        return Stream.of(
                ">".repeat(5000) + " x",
                "> ".repeat(5000) + "x",
                "- ".repeat(3000) + "x",
                "1. ".repeat(3000) + "x",
                "[".repeat(20_000),
                "*".repeat(10_000) + "x" + "*".repeat(10_000),
                "_".repeat(9000) + "x" + "_".repeat(9000),
                "(".repeat(15_000) + ")".repeat(4000),
                "`".repeat(19_000),
                "<".repeat(19_000),
                "[a](".repeat(4000),
                "  ".repeat(5000) + "- x",
                "x\n".repeat(9000),
                "> - 1. ".repeat(2000) + "deep");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileNotesRenderWithoutError(String note) {
        String html = Markdown.toSafeHtml(note);
        assertThat(html).isNotNull().doesNotContain("<script");
    }

    @Test
    void deepQuotesFallBackToEscapedText() {
        String html = Markdown.toSafeHtml(">".repeat(5000) + " <b>x</b>");
        assertThat(html)
                .startsWith("<pre class=\"notes-plain\">")
                .contains("&gt;&gt;&gt;")
                .contains("&lt;b&gt;x&lt;/b&gt;");
    }

    @Test
    void ordinaryNotesStayMarkdown() {
        String html = Markdown.toSafeHtml("# Run\n\n> quoted\n\n- a\n  - b\n\n**bold** and `code`, ----\n\n"
                + "-".repeat(40) + "\n\n" + "*".repeat(40) + "\n\n<script>alert(1)</script>");
        assertThat(html)
                .contains("<h1>Run</h1>")
                .contains("<blockquote>")
                .contains("<strong>bold</strong>")
                .contains("<code>code</code>")
                .contains("&lt;script&gt;")
                .doesNotContain("notes-plain");
    }

    @Test
    void nestingCountsLineStartsAndOpenBrackets() {
        assertThat(Markdown.nesting("> > > x")).isEqualTo(3);
        assertThat(Markdown.nesting("- a")).isEqualTo(1);
        assertThat(Markdown.nesting("-".repeat(80))).isZero();
        assertThat(Markdown.nesting("[[[x")).isEqualTo(3);
    }
}
