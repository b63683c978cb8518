package dev.lectern.plugin.api;

import java.util.Map;

/**
 * The answer of a trained model to one input.
 *
 * @param text a one-line answer for people, such as "H(3.5) = 0.45"
 * @param values the numbers behind it by name, such as {@code {"y": 0.45}}
 */
public record Prediction(String text, Map<String, Double> values) {

    /**
     * Creates the record and checks its fields.
     *
     * @param text a one-line answer for people, such as "H(3.5) = 0.45"
     * @param values the numbers behind it by name, such as {@code {"y": 0.45}}
     */
    public Prediction {
        values = Map.copyOf(values == null ? Map.of() : values);
    }
}
