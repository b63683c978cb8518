package dev.lectern.plugin.api.view;

import java.util.List;

/**
 * Counts of true class against predicted class.
 *
 * @param title the heading
 * @param labels the class names, in index order
 * @param counts {@code counts[t][p]} is how many samples of true class t were predicted as p
 */
public record ConfusionMatrix(String title, List<String> labels, long[][] counts) implements View {

    /**
     * Creates the record and checks its fields.
     *
     * @param title the heading
     * @param labels the class names, in index order
     * @param counts {@code counts[t][p]} is how many samples of true class t were predicted as p
     */
    public ConfusionMatrix {
        labels = List.copyOf(labels);
        if (counts.length != labels.size()) {
            throw new IllegalArgumentException(
                    "confusion matrix '" + title + "' has " + counts.length + " rows for " + labels.size() + " labels");
        }
        for (long[] row : counts) {
            if (row.length != labels.size()) {
                throw new IllegalArgumentException("confusion matrix '" + title + "' is not square");
            }
        }
    }
}
