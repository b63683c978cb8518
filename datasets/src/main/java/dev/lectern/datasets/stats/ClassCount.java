package dev.lectern.datasets.stats;

/**
 * How many rows carry one value of a categorical label.
 *
 * @param value the class, a whole number
 * @param count the rows with it
 */
public record ClassCount(long value, int count) {}
