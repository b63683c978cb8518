package dev.lectern.web.page;

/**
 * A labelled value for display.
 *
 * @param key the label
 * @param value the formatted value
 */
public record KeyValue(String key, String value) {}
