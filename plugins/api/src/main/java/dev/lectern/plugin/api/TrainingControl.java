package dev.lectern.plugin.api;

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
 * <p>{@link #NONE} (what contexts of older servers give) never pauses and has no live values; a run with it trains
 * exactly as it did before API 1.3.
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
}
