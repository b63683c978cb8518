package dev.lectern.plugin.api;

/**
 * Receives metric points during training. Implementations buffer and are cheap to call; report only
 * what you want plotted, since every point costs a copy from the device.
 */
public interface MetricsSink {

    /**
     * Reports one value of a metric. Names of the form {@code chart/series} share one chart: {@code accuracy/train}
     * and {@code accuracy/test} are drawn together on the {@code accuracy} chart, and {@code loss/normal equation}
     * as a reference on the {@code loss} chart.
     *
     * @param name the metric's name, such as {@code loss} or {@code accuracy/test}
     * @param step the x position: the optimizer step, or the epoch for per-epoch metrics
     * @param value the value; NaN and infinities are recorded as they are
     */
    void report(String name, long step, double value);
}
