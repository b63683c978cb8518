package dev.lectern.plugin.api.view;

import java.util.List;
import java.util.Objects;

/**
 * Values on a regular grid, drawn as a colour map and optionally as contour lines, with series drawn on top: the
 * cost surface J(W, b) with the gradient-descent path, or a classifier's probability with the data and the boundary.
 *
 * @param title the heading
 * @param xLabel the x axis label
 * @param yLabel the y axis label
 * @param valueLabel what the colour means, such as "cost" or "P(y = 1)"
 * @param x the grid's x coordinates, ascending
 * @param y the grid's y coordinates, ascending
 * @param values {@code values[i][j]} is the value at ({@code x[j]}, {@code y[i]})
 * @param contours contour levels to draw; empty for none
 * @param overlay series drawn over the map, in order
 */
public record Heatmap(
        String title,
        String xLabel,
        String yLabel,
        String valueLabel,
        double[] x,
        double[] y,
        double[][] values,
        double[] contours,
        List<Series> overlay)
        implements View {

    /**
     * Creates the record and checks its fields.
     *
     * @param title the heading
     * @param xLabel the x axis label
     * @param yLabel the y axis label
     * @param valueLabel what the colour means, such as "cost" or "P(y = 1)"
     * @param x the grid's x coordinates, ascending
     * @param y the grid's y coordinates, ascending
     * @param values {@code values[i][j]} is the value at ({@code x[j]}, {@code y[i]})
     * @param contours contour levels to draw; empty for none
     * @param overlay series drawn over the map, in order
     */
    public Heatmap {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (values.length != y.length) {
            throw new IllegalArgumentException(
                    "heat map '" + title + "' has " + values.length + " rows for " + y.length + " y values");
        }
        for (double[] row : values) {
            if (row.length != x.length) {
                throw new IllegalArgumentException(
                        "heat map '" + title + "' has a row of " + row.length + " for " + x.length + " x values");
            }
        }
        contours = contours == null ? new double[0] : contours;
        overlay = List.copyOf(overlay == null ? List.of() : overlay);
    }
}
