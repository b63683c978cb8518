package dev.lectern.plugin.api.view;

import java.util.List;
import java.util.Objects;

/**
 * Formulas typeset on the run's page, each a line of TeX (KaTeX's subset), typically the lecture's formulas with this
 * model's numbers filled in: {@code H(x) = 1.17x - 3.63}, or one gradient-descent update with its step's numbers.
 * Since API 1.4.
 *
 * @param title the heading
 * @param lines the formulas, one per line, in TeX
 * @param notes a plain-text note under each formula (what it shows, where its numbers come from); empty strings for
 *     none, as many as {@code lines}
 */
public record Formulas(String title, List<String> lines, List<String> notes) implements View {

    /**
     * Creates the record and checks its fields.
     *
     * @param title the heading
     * @param lines the formulas, one per line, in TeX
     * @param notes a plain-text note under each formula, as many as {@code lines}
     */
    public Formulas {
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
        if (notes.size() != lines.size()) {
            throw new IllegalArgumentException(
                    "formulas '" + title + "' have " + lines.size() + " lines but " + notes.size() + " notes");
        }
    }

    /**
     * Formulas without notes.
     *
     * @param title the heading
     * @param lines the formulas, in TeX
     * @return the view
     */
    public static Formulas of(String title, List<String> lines) {
        Objects.requireNonNull(lines, "lines");
        return new Formulas(title, lines, lines.stream().map(l -> "").toList());
    }
}
