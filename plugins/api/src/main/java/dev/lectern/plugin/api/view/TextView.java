package dev.lectern.plugin.api.view;

import java.util.Objects;

/**
 * Text shown as it is, in a fixed-width font: sampled text from a language model, a layer table, a log.
 *
 * @param title the heading
 * @param text the text; line breaks are kept
 */
public record TextView(String title, String text) implements View {

    /**
     * Creates the record and checks its fields.
     *
     * @param title the heading
     * @param text the text; line breaks are kept
     */
    public TextView {
        Objects.requireNonNull(text, "text");
    }
}
