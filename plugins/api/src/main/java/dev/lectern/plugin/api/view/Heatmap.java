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
 * @param xCategories the names of the grid's columns, one per x value, such as the characters "h", "e", "l", "o";
 *     when either this or {@code yCategories} is given, the map is drawn as discrete cells (one colour per value, not
 *     blended between neighbours) with the names as tick labels; empty for a continuous surface. Since API 1.4
 * @param yCategories the names of the grid's rows, one per y value, such as hidden units "1" to "10"; empty for none.
 *     Since API 1.4
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
        List<Series> overlay,
        List<String> xCategories,
        List<String> yCategories)
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
     * @param xCategories the names of the grid's columns, one per x value; empty (or {@code null}) for none
     * @param yCategories the names of the grid's rows, one per y value; empty (or {@code null}) for none
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
        xCategories = categories(xCategories, x.length, "x", title);
        yCategories = categories(yCategories, y.length, "y", title);
    }

    /**
     * Creates a continuous heat map, without category names (the constructor of API 1.0 to 1.3).
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
    public Heatmap(
            String title,
            String xLabel,
            String yLabel,
            String valueLabel,
            double[] x,
            double[] y,
            double[][] values,
            double[] contours,
            List<Series> overlay) {
        this(title, xLabel, yLabel, valueLabel, x, y, values, contours, overlay, List.of(), List.of());
    }

    /**
     * Returns whether the map is drawn as discrete cells: when either axis names its categories.
     *
     * @return true for cells, false for a continuous surface
     */
    public boolean discrete() {
        return !xCategories.isEmpty() || !yCategories.isEmpty();
    }

    private static List<String> categories(List<String> names, int count, String axis, String title) {
        if (names == null || names.isEmpty()) {
            return List.of();
        }
        if (names.size() != count) {
            throw new IllegalArgumentException("heat map '" + title + "' names " + names.size() + " " + axis
                    + " categories for " + count + " " + axis + " values");
        }
        return List.copyOf(names);
    }
}
