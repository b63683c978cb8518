package dev.lectern.web.page;

/**
 * The last and best value of one metric of one run.
 *
 * @param name the metric's name
 * @param last the last value, formatted
 * @param best the best value, formatted, empty when no value was finite
 * @param bestStep the step or epoch of the best value, empty when none
 * @param higherIsBetter whether best means largest
 */
public record MetricCell(String name, String last, String best, String bestStep, boolean higherIsBetter) {}
