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
     * @param step the x position: the optimizer step (per-epoch metrics go to {@link #reportEpoch} since API 1.2)
     * @param value the value; NaN and infinities are recorded as they are
     */
    void report(String name, long step, double value);

    /**
     * Reports one value of a metric measured once per epoch, such as test accuracy or seconds per epoch. With
     * {@link #stepsPerEpoch} declared, charts draw it on the same x axis as the per-step metrics, in steps or in epochs
     * as the reader chooses. Report a metric either per step or per epoch, not both. Since API 1.2; the default
     * reports the point at step {@code epoch}, as plugins built for 1.1 did.
     *
     * @param name the metric's name
     * @param epoch the epoch the value belongs to: 1 after the first epoch, 0 before training
     * @param value the value; NaN and infinities are recorded as they are
     */
    default void reportEpoch(String name, long epoch, double value) {
        report(name, epoch, value);
    }

    /**
     * Declares how many optimizer steps make one epoch in this run, so step {@code s} lies at epoch
     * {@code s / steps}: a full-batch method declares 1, mini-batch training the number of batches per pass over the
     * data. Call it once, before reporting. Without it, a run's curves can only be drawn by step. Since API 1.2.
     *
     * @param steps the optimizer steps per epoch, at least 1
     * @throws IllegalArgumentException when {@code steps} is less than 1
     */
    default void stepsPerEpoch(long steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps per epoch must be at least 1, got " + steps);
        }
    }

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
