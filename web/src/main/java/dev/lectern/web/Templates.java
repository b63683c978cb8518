package dev.lectern.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Renders the precompiled templates; each root template takes one page record named {@code page} and the texts of the
 * request's language named {@code t} (a template that does not declare {@code t} yet ignores it).
 */
public final class Templates {

    private final TemplateEngine engine =
            TemplateEngine.createPrecompiled(null, ContentType.Html, null, "dev.lectern.web.jte");

    private final Supplier<Messages> messages;

    /** Renders every page in English. */
    public Templates() {
        this(() -> Messages.ENGLISH);
    }

    /**
     * Renders pages in the language the supplier names for the request being answered.
     *
     * @param messages the texts for the current request
     */
    public Templates(Supplier<Messages> messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    /**
     * Renders a template in the current request's language.
     *
     * @param template the template path, such as {@code experiments/show.jte}
     * @param page the page record
     * @return the HTML
     */
    public String render(String template, Object page) {
        Messages t = messages.get();
        return render(template, page, t == null ? Messages.ENGLISH : t);
    }

    /**
     * Renders a template in one language.
     *
     * @param template the template path, such as {@code experiments/show.jte}
     * @param page the page record
     * @param t the texts
     * @return the HTML
     */
    public String render(String template, Object page, Messages t) {
        StringOutput out = new StringOutput();
        engine.render(template, Map.of("page", page, "t", t), out);
        return out.toString();
    }
}
