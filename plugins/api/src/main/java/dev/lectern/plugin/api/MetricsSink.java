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

    /**
     * Reports a line of text at a step, such as the string a char-RNN predicts after each epoch or a sample it
     * generates. The experiment page lists them live, newest first, per name. Since API 1.1; sinks of older servers
     * drop them.
     *
     * @param name what the text is, such as {@code predicted} or {@code sample}
     * @param step the x position: the epoch or the optimizer step
     * @param text the text; long texts are cut to {@link #MAX_TEXT} characters
     */
    default void text(String name, long step, String text) {}

    /** The longest text {@link #text} keeps. */
    int MAX_TEXT = 4000;
}
