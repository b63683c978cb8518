package dev.lectern.plugin.support;

import ai.djl.training.tracker.Tracker;
import dev.lectern.plugin.api.TrainingContext;
import dev.lectern.plugin.api.TrainingControl;
import dev.lectern.plugin.api.TrainingDivergedException;
import dev.lectern.plugin.api.view.View;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * What a training loop does at its step boundaries, in one place: the cancellation check and the user's control
 * (pause, single steps, live values, see {@link TrainingControl}) before a step, the divergence check of its loss, the throttled report of one metric (every n-th step, optionally the last one, and
 * whenever the live chart has not moved for a while) and the progress bar after it.
 *
 * <p>It never reads an array: the loop decides when to copy a value to the host, typically only when {@link #due}
 * says a point is due, so a step costs no extra host synchronisation. Not thread-safe: one instance per run.
 *
 * <p>A loop whose learning rate the user may change while it trains builds its optimizer with
 * {@link #liveRate}: {@link #beginStep} then applies a new value before the step that first uses it, and tells the
 * control so, which records the change at that step.
 *
 * <pre>{@code
 * StepReporter reporter = StepReporter.of(context, "loss", totalSteps).every(reportEvery);
 * Optimizer optimizer = Optimizers.byName(name, reporter.liveRate("learningRate", learningRate));
 * for (long step = 0; step < totalSteps; step++) {
 *     reporter.beginStep();
 *     ... forward, backward, update ...
 *     if (reporter.due(step)) {
 *         reporter.report(step, lossSum.getFloat() / inWindow);
 *     }
 *     reporter.endStep(step);
 * }
 * }</pre>
 *
 * <p>A loop with lesson pictures worth watching while it trains registers how to draw them with {@link #liveViews}:
 * the reporter then hands them to the control whenever it asks ({@link TrainingControl#viewsDue()}), after a step and
 * before a paused run stands still, and costs nothing more per step than asking.
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
    private final TrainingControl control;
    private final List<LiveRate> liveRates = new ArrayList<>();
    private long liveVersion;
    private long nextStep;
    private LongFunction<List<View>> liveViews;
    private long viewsShownAt = -1;

    private StepReporter(TrainingContext context, String metric, long totalSteps) {
        this.context = context;
        this.metric = metric;
        this.totalSteps = totalSteps;
        TrainingControl given = context.control();
        this.control = given == null ? TrainingControl.NONE : given;
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
     * A learning rate the user may change while the run trains: a DJL {@link Tracker} to build the optimizer with.
     * Its value changes only in {@link #beginStep}, on the training thread, before the step that first uses it; the
     * optimizer reads it as a plain float per update, so it adds no copy between host and device.
     *
     * @param name the live parameter's name, as the plugin declares it in
     *     {@link dev.lectern.plugin.api.LecturePlugin#liveParameters()}, such as {@code learningRate}
     * @param initial the value the run starts with
     * @return the tracker
     */
    public LiveRate liveRate(String name, double initial) {
        LiveRate rate = new LiveRate(name, initial);
        liveRates.add(rate);
        return rate;
    }

    /**
     * Registers how to draw the run's lesson pictures from its current parameters, for a paused or single-stepped run
     * (and now and then while it trains). The function runs on the training thread between steps, only when the
     * control asks, and gets the number of optimizer steps taken so far.
     *
     * @param draw draws the pictures of the model after that many steps; null for none
     * @return this
     */
    public StepReporter liveViews(LongFunction<List<View>> draw) {
        this.liveViews = draw;
        return this;
    }

    /**
     * Tells whether the pictures registered with {@link #liveViews} are wanted at the end of the coming step, so the
     * loop can keep what they show of it (a gradient, the value before the update) only then. Ask after
     * {@link #beginStep}.
     *
     * @return true when pictures are registered and the control asks for them
     */
    public boolean viewsDue() {
        return liveViews != null && control.viewsDue();
    }

    /**
     * Draws the registered pictures now and hands them to the control, whether it asked or not (a loop calls it when it
     * has something to show the control asked for earlier). Nothing happens without {@link #liveViews}, nor when the
     * drawing is empty.
     *
     * @param updates the optimizer steps taken so far
     */
    public void showViews(long updates) {
        if (liveViews == null) {
            return;
        }
        List<View> views = liveViews.apply(updates);
        // An empty list: the loop has nothing current to show after these steps yet, and shows it later.
        if (!views.isEmpty()) {
            viewsShownAt = updates;
            control.views(updates, views);
        }
    }

    /**
     * Draws the registered pictures when the control asks for them and they were not drawn after these steps yet: for
     * a loop whose pictures become current only after its step ended (an epoch's trace recorded after its last step).
     *
     * @param updates the optimizer steps taken so far
     */
    public void showViewsIfDue(long updates) {
        if (liveViews != null && viewsShownAt != updates && control.viewsDue()) {
            showViews(updates);
        }
    }

    /**
     * Call before each step: throws once the user cancelled, waits while the user paused the run (see
     * {@link TrainingControl#awaitStep}), and applies live values set since the last step. The step is the one after
     * the last {@link #endStep}, 0 at first.
     *
     * @throws dev.lectern.plugin.api.TrainingCancelledException when cancelled, also while paused
     */
    public void beginStep() {
        beginStep(nextStep);
    }

    /**
     * Call before step {@code step}, for loops whose step numbers do not follow {@link #endStep}'s: as
     * {@link #beginStep()}.
     *
     * @param step the step about to run
     */
    public void beginStep(long step) {
        context.checkCancelled();
        // A run paused between steps stands still here: it shows the model it waits with first.
        if (liveViews != null && viewsShownAt != step && control.isPaused() && control.viewsDue()) {
            showViews(step);
        }
        control.awaitStep(step);
        long version = control.liveVersion();
        if (version != liveVersion) {
            liveVersion = version;
            for (LiveRate rate : liveRates) {
                if (control.liveValue(rate.name) instanceof Number n && n.doubleValue() != rate.value) {
                    double from = rate.value;
                    rate.set(n.doubleValue());
                    control.applied(rate.name, step, from, rate.value);
                }
            }
        }
    }

    /**
     * Tells whether a point is due at this step: the loop then reads the value and calls {@link #report}.
     *
     * @param step the step, from 0
     * @return true when the step is a multiple of n, the last step (if asked for), a single step of a paused run, or
     *     the interval has passed
     */
    public boolean due(long step) {
        return step % every == 0
                || control.isPaused()
                || lastStep && step + 1 == totalSteps
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
     * Call after each step: moves the progress bar to step + 1 of the total, and hands over the pictures registered
     * with {@link #liveViews} when the control asks for them.
     *
     * @param step the step just finished, from 0
     */
    public void endStep(long step) {
        nextStep = step + 1;
        if (liveViews != null && viewsShownAt != step + 1 && control.viewsDue()) {
            showViews(step + 1);
        }
        context.progress(step + 1, totalSteps);
    }

    /** A learning rate that {@link StepReporter#beginStep} changes when the user sets a new one; see {@link #liveRate}. */
    public static final class LiveRate implements Tracker {

        private final String name;
        private volatile double value;
        private volatile float rate;

        private LiveRate(String name, double value) {
            this.name = name;
            set(value);
        }

        private void set(double value) {
            this.value = value;
            this.rate = (float) value;
        }

        /**
         * Returns the rate in use.
         *
         * @return the current value, as set
         */
        public double value() {
            return value;
        }

        @Override
        public float getNewValue(int numUpdate) {
            return rate;
        }
    }
}
