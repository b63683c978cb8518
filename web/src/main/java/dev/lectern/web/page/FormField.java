package dev.lectern.web.page;

import java.util.List;

/**
 * One input of a generated form.
 *
 * @param name the submitted name
 * @param label the label
 * @param type {@code int}, {@code double}, {@code choice} or {@code boolean}
 * @param value the current value as text
 * @param min the smallest value as text, empty when unbounded
 * @param max the largest value as text, empty when unbounded
 * @param choices the options of a choice field
 * @param help help text
 * @param error the validation error of this field, empty when none
 */
public record FormField(
        String name,
        String label,
        String type,
        String value,
        String min,
        String max,
        List<String> choices,
        String help,
        String error) {

    /** Tells whether the field has an error. */
    public boolean hasError() {
        return error != null && !error.isEmpty();
    }
}
