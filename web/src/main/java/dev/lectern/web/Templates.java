package dev.lectern.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** Renders the precompiled templates; each root template takes one page record named {@code page}. */
public final class Templates {

    private final TemplateEngine engine =
            TemplateEngine.createPrecompiled(null, ContentType.Html, null, "dev.lectern.web.jte");

    /**
     * Renders a template.
     *
     * @param template the template path, such as {@code experiments/show.jte}
     * @param page the page record
     * @return the HTML
     */
    public String render(String template, Object page) {
        StringOutput out = new StringOutput();
        engine.render(template, page, out);
        return out.toString();
    }
}
