package dev.lectern.plugin.api.view;

import java.util.List;

/**
 * A chart of points and lines on shared axes, such as the data with the fitted line.
 *
 * @param title the heading
 * @param xLabel the x axis label
 * @param yLabel the y axis label
 * @param series the series, drawn in order
 */
public record XyChart(String title, String xLabel, String yLabel, List<Series> series) implements View {

    /**
     * Creates the record and checks its fields.
     *
     * @param title the heading
     * @param xLabel the x axis label
     * @param yLabel the y axis label
     * @param series the series, drawn in order
     */
    public XyChart {
        series = List.copyOf(series);
    }
}
