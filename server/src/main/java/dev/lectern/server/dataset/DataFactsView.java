package dev.lectern.server.dataset;

import dev.lectern.plugin.api.DataFacts;
import java.util.List;
import java.util.Locale;

/**
 * A data set's facts as {@code GET /api/datasets} shows them in {@code "facts"}: known before the data set is loaded,
 * and what plugins' data requirements are checked against.
 *
 * @param features the feature columns (pixels of an image), 0 for a text
 * @param rows the rows (images, characters)
 * @param label {@code binary}, {@code classes}, {@code continuous} or {@code none}
 * @param classes the class values of a binary or class label, else null
 * @param min the smallest label value, null without a label
 * @param max the largest label value, null without a label
 * @param text the label in words, such as "3 classes (0, 1, 2)"
 */
public record DataFactsView(
        int features, long rows, String label, List<Integer> classes, Double min, Double max, String text) {

    /**
     * Describes facts, or nothing when they are not known.
     *
     * @param facts the facts
     * @return the view, or null for {@link DataFacts#UNKNOWN}
     */
    static DataFactsView of(DataFacts facts) {
        if (!facts.known()) {
            return null;
        }
        return new DataFactsView(
                facts.features(),
                facts.rows(),
                facts.label().name().toLowerCase(Locale.ROOT),
                facts.classes().isEmpty() ? null : facts.classes(),
                Double.isFinite(facts.min()) ? facts.min() : null,
                Double.isFinite(facts.max()) ? facts.max() : null,
                facts.describe());
    }
}
