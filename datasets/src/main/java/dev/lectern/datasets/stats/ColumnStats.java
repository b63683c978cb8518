package dev.lectern.datasets.stats;

import dev.lectern.plugin.api.ColumnRole;

/**
 * Summary statistics of one table column.
 *
 * @param name the column's name
 * @param role the column's role
 * @param count the number of values
 * @param min the smallest value, exactly as stored
 * @param max the largest value, exactly as stored
 * @param mean the arithmetic mean
 * @param std the sample standard deviation (divisor {@code n - 1}; 0 for a single value)
 * @param missing the number of missing values; always 0, since the parsers refuse empty and non-finite cells
 */
public record ColumnStats(
        String name, ColumnRole role, int count, float min, float max, double mean, double std, int missing) {}
