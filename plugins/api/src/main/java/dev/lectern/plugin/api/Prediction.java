package dev.lectern.plugin.api;

import dev.lectern.plugin.api.view.View;
import java.util.List;
import java.util.Map;

/**
 * The answer of a trained model to one input.
 *
 * @param text a one-line answer for people, such as "H(3.5) = 0.45"
 * @param values the numbers behind it by name, such as {@code {"y": 0.45}}
 * @param views pictures of the answer shown under the text, such as a bar chart of class probabilities; since
 *     API 1.1
 */
public record Prediction(String text, Map<String, Double> values, List<View> views) {

    /**
     * Creates the record and checks its fields.
     *
     * @param text a one-line answer for people, such as "H(3.5) = 0.45"
     * @param values the numbers behind it by name, such as {@code {"y": 0.45}}
     * @param views pictures of the answer
     */
    public Prediction {
        values = Map.copyOf(values == null ? Map.of() : values);
        views = List.copyOf(views == null ? List.of() : views);
    }

    /**
     * Creates an answer without pictures.
     *
     * @param text a one-line answer for people
     * @param values the numbers behind it by name
     */
    public Prediction(String text, Map<String, Double> values) {
        this(text, values, List.of());
    }
}
