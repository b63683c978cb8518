package dev.lectern.web.page;

/**
 * The last and best value of one metric of one run.
 *
 * @param name the metric's name
 * @param last the last value, formatted
 * @param best the best value, formatted, empty when no value was finite
 * @param bestAt where the best value fell, such as {@code epoch 3} or {@code step 4210 · epoch 3}; empty when none
 * @param higherIsBetter whether best means largest
 */
public record MetricCell(String name, String last, String best, String bestAt, boolean higherIsBetter) {}
