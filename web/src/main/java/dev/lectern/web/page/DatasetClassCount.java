package dev.lectern.web.page;

/**
 * How many rows have one class of the label.
 *
 * @param value the class
 * @param count the rows
 * @param share the share of all rows, such as {@code 33.3 %}
 */
public record DatasetClassCount(String value, String count, String share) {}
