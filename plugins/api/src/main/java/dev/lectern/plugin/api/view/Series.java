package dev.lectern.plugin.api.view;

import java.util.Objects;

/**
 * One named set of (x, y) points.
 *
 * @param name the legend label
 * @param style how to draw it
 * @param x the x values
 * @param y the y values, as many as x
 */
public record Series(String name, SeriesStyle style, double[] x, double[] y) {

    /**
     * Creates the record and checks its fields.
     *
     * @param name the legend label
     * @param style how to draw it
     * @param x the x values
     * @param y the y values, as many as x
     */
    public Series {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(style, "style");
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                    "series '" + name + "' has " + x.length + " x values but " + y.length + " y values");
        }
    }
}
