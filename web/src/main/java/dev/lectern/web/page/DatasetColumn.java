package dev.lectern.web.page;

/**
 * A column of a data set with its summary statistics, display-ready.
 *
 * @param number the column's number, counted from 1
 * @param name the name
 * @param role {@code feature}, {@code label} or {@code ignored}
 * @param min the smallest value
 * @param max the largest value
 * @param mean the mean
 * @param std the sample standard deviation
 * @param missing the number of missing values
 */
public record DatasetColumn(
        int number, String name, String role, String min, String max, String mean, String std, String missing) {}
