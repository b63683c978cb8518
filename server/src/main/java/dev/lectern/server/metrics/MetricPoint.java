package dev.lectern.server.metrics;

/**
 * One reported value.
 *
 * @param name the metric name
 * @param step the step
 * @param value the value
 */
public record MetricPoint(String name, long step, double value) {}
