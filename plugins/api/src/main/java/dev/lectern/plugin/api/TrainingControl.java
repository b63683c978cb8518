package dev.lectern.plugin.api;

import dev.lectern.plugin.api.view.View;
import java.util.List;

/**
 * What the person watching a run can do to it while it trains: pause it at a step boundary, let it take single steps,
 * resume it, and change the hyperparameters the plugin declares live-changeable
 * ({@link LecturePlugin#liveParameters()}). Reached through {@link TrainingContext#control()}. Since API 1.3.
 *
 * <p>A training loop calls {@link #awaitStep} before each optimizer step and, for each live parameter it uses, reads
 * {@link #liveValue} when {@link #liveVersion} has moved; when it starts using a new value it calls {@link #applied}
 * with the step, so the change is recorded at the step it took effect. The support library's {@code StepReporter}
 * does all of this in its {@code beginStep()}. Every method is cheap when nothing was asked: a volatile read, no lock
 * and no copy from the device.
 *
 * <p>Since API 1.4 a loop can also show its lesson pictures while it trains: when {@link #viewsDue()} says so, it
 * draws them from its current parameters and hands them to {@link #views}. The workbench asks at every step boundary
 * of a paused run (the last of a Step's single steps at least) and at most every few seconds otherwise, so a run
 * nobody holds spends one volatile read and a clock read per step on it.
 *
 * <p>{@link #NONE} (what contexts of older servers give) never pauses, has no live values and never asks for
 * pictures; a run with it trains exactly as it did before API 1.3.
 */
public interface TrainingControl {

    /** The control of a run nobody can hold: never pauses, never changes a value. */
    TrainingControl NONE = new TrainingControl() {};

    /**
     * Call at a step boundary, before step {@code step} runs. Returns at once unless the run is paused; while paused it
     * blocks until the user resumes or grants single steps (each call then uses one of them), and throws when the run
     * is cancelled meanwhile or the pause outlived the server's limit.
     *
     * @param step the step about to run, from 0
     * @throws TrainingCancelledException when the run was cancelled, before or while waiting
     */
    default void awaitStep(long step) {}

    /**
     * Tells whether the run is paused, so that a loop stepping through a paused run can report every step's metrics
     * rather than every n-th.
     *
     * @return true while paused, single steps included
     */
    default boolean isPaused() {
        return false;
    }

    /**
     * A number that changes whenever a live value is set; a loop reads {@link #liveValue} only when it moved.
     *
     * @return the version of the live values, 0 before any change
     */
    default long liveVersion() {
        return 0;
    }

    /**
     * The newest value the user set for a live parameter, already checked against its {@link ParamSpec} (an
     * {@link Integer}, {@link Double}, {@link String} or {@link Boolean} by type).
     *
     * @param name a parameter the plugin declared in {@link LecturePlugin#liveParameters()}
     * @return the value, or {@code null} when it was not changed during this run
     */
    default Object liveValue(String name) {
        return null;
    }

    /**
     * Tells the workbench that the loop uses a new value of a live parameter from this step on; the run records it
     * as an event at the step and marks the step on its charts.
     *
     * @param name the parameter
     * @param step the first step that uses the new value
     * @param from the value used before
     * @param to the value used from this step on
     */
    default void applied(String name, long step, Object from, Object to) {}

    /**
     * Tells whether the workbench wants the run's lesson pictures now: while paused, at the step boundary where the
     * loop stands still (and now and then during a Step of many single steps); while training unpaused, at most every
     * few seconds. Cheap: a volatile read and a clock read. Ask after a step, before drawing; ask before a step to
     * decide whether to keep what that step's pictures show of it (its gradient, say).
     *
     * @return true when a call to {@link #views} is wanted
     * @since 1.4
     */
    default boolean viewsDue() {
        return false;
    }

    /**
     * Hands over the lesson pictures of the model as it is after {@code updates} optimizer steps, drawn from its
     * current parameters (the fitted line, the decision boundary, the cost surface with the path so far, formulas
     * with the current numbers). The run's page replaces its pictures with these until the run ends and its model's
     * {@link TrainedModel#views()} replace them. Call it on the training thread; it does not keep the list.
     *
     * @param updates the optimizer steps taken so far: the step the loop is about to run
     * @param views the pictures, in display order
     * @since 1.4
     */
    default void views(long updates, List<View> views) {}
}
