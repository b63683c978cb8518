package dev.lectern.server.metrics;

/**
 * One reported value.
 *
 * @param name the metric name
 * @param step the optimizer step, or the epoch of a per-epoch metric
 * @param value the value
 * @param perEpoch whether the metric is measured once per epoch, so {@code step} holds the epoch
 */
public record MetricPoint(String name, long step, double value, boolean perEpoch) {

    /** A point of a per-step metric. */
    public MetricPoint(String name, long step, double value) {
        this(name, step, value, false);
    }
}
