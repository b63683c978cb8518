package dev.lectern.plugin.api.view;

import java.util.Objects;

/**
 * One named set of bar heights, one per category of its chart.
 *
 * @param name the legend label
 * @param values the heights
 */
public record BarSeries(String name, double[] values) {

    /**
     * Creates the record and checks its fields.
     *
     * @param name the legend label
     * @param values the heights
     */
    public BarSeries {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(values, "values");
    }
}
