package dev.lectern.plugin.support;

import dev.lectern.plugin.api.TrainingContext;
import dev.lectern.plugin.api.TrainingDivergedException;

/**
 * What a training loop does at its step boundaries, in one place: the cancellation check before a step, the
 * divergence check of its loss, the throttled report of one metric (every n-th step, optionally the last one, and
 * whenever the live chart has not moved for a while) and the progress bar after it.
 *
 * <p>It never reads an array: the loop decides when to copy a value to the host, typically only when {@link #due}
 * says a point is due, so a step costs no extra host synchronisation. Not thread-safe: one instance per run.
 *
 * <pre>{@code
 * StepReporter reporter = StepReporter.of(context, "loss", totalSteps).every(reportEvery);
 * for (long step = 0; step < totalSteps; step++) {
 *     reporter.beginStep();
 *     ... forward, backward, update ...
 *     if (reporter.due(step)) {
 *         reporter.report(step, lossSum.getFloat() / inWindow);
 *     }
 *     reporter.endStep(step);
 * }
 * }</pre>
 */
public final class StepReporter {

    /** The live chart moves at least this often, unless a loop asks for another interval. */
    public static final long REPORT_AT_LEAST_EVERY_NANOS = 1_000_000_000L;

    private final TrainingContext context;
    private final String metric;
    private final long totalSteps;
    private long every = 1;
    private boolean lastStep;
    private long atLeastEveryNanos = REPORT_AT_LEAST_EVERY_NANOS;
    private long lastReport = System.nanoTime();

    private StepReporter(TrainingContext context, String metric, long totalSteps) {
        this.context = context;
        this.metric = metric;
        this.totalSteps = totalSteps;
    }

    /**
     * Creates a reporter that reports at every step and at least every second; narrow it with {@link #every},
     * {@link #alsoAtLastStep} and {@link #atLeastEveryNanos}.
     *
     * @param context the run's context
     * @param metric the metric's name, also the quantity named when it stops being finite
     * @param totalSteps the run's steps, the progress bar's total
     * @return the reporter
     */
    public static StepReporter of(TrainingContext context, String metric, long totalSteps) {
        return new StepReporter(context, metric, totalSteps);
    }

    /**
     * Reports at steps 0, n, 2n, …
     *
     * @param n at least 1
     * @return this
     */
    public StepReporter every(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("report every n steps needs n >= 1, got " + n);
        }
        this.every = n;
        return this;
    }

    /**
     * Also reports at the run's last step, so the curve ends where training ended.
     *
     * @return this
     */
    public StepReporter alsoAtLastStep() {
        this.lastStep = true;
        return this;
    }

    /**
     * Reports a point whenever this long has passed since the last one, so a slow run's chart still moves;
     * {@link Long#MAX_VALUE} reports by step count alone.
     *
     * @param nanos the interval
     * @return this
     */
    public StepReporter atLeastEveryNanos(long nanos) {
        this.atLeastEveryNanos = nanos;
        return this;
    }

    /**
     * Returns the run's steps.
     *
     * @return the progress bar's total
     */
    public long totalSteps() {
        return totalSteps;
    }

    /**
     * Call before each step: throws once the user cancelled.
     *
     * @throws dev.lectern.plugin.api.TrainingCancelledException when cancelled
     */
    public void beginStep() {
        context.checkCancelled();
    }

    /**
     * Tells whether a point is due at this step: the loop then reads the value and calls {@link #report}.
     *
     * @param step the step, from 0
     * @return true when the step is a multiple of n, the last step (if asked for), or the interval has passed
     */
    public boolean due(long step) {
        return step % every == 0 || lastStep && step + 1 == totalSteps
                || atLeastEveryNanos != Long.MAX_VALUE && System.nanoTime() - lastReport > atLeastEveryNanos;
    }

    /**
     * Ends the run with {@link TrainingDivergedException} when the value is not finite.
     *
     * @param step the step it belongs to
     * @param value the metric's value
     */
    public void check(long step, double value) {
        if (!Double.isFinite(value)) {
            throw new TrainingDivergedException(metric, step);
        }
    }

    /**
     * Checks the value (see {@link #check}) and reports it as the metric's point at this step.
     *
     * @param step the step
     * @param value the value
     */
    public void report(long step, double value) {
        check(step, value);
        context.metrics().report(metric, step, value);
        lastReport = System.nanoTime();
    }

    /**
     * Call after each step: moves the progress bar to step + 1 of the total.
     *
     * @param step the step just finished, from 0
     */
    public void endStep(long step) {
        context.progress(step + 1, totalSteps);
    }
}
