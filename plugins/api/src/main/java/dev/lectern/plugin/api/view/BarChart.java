package dev.lectern.plugin.api.view;

import java.util.List;

/**
 * Bars per category, such as one sample's logits and softmax probabilities per class.
 *
 * @param title the heading
 * @param categories the category names along the x axis
 * @param valueLabel the y axis label
 * @param series the bar series, each with one value per category
 */
public record BarChart(String title, List<String> categories, String valueLabel, List<BarSeries> series)
        implements View {

    /**
     * Creates the record and checks its fields.
     *
     * @param title the heading
     * @param categories the category names along the x axis
     * @param valueLabel the y axis label
     * @param series the bar series, each with one value per category
     */
    public BarChart {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        for (BarSeries s : series) {
            if (s.values().length != categories.size()) {
                throw new IllegalArgumentException("bar series '" + s.name() + "' has " + s.values().length
                        + " values for " + categories.size() + " categories");
            }
        }
    }
}
