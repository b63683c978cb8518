package dev.lectern.plugin.api;

import ai.djl.Device;

/** Everything a plugin needs for one training run. */
public interface TrainingContext {

    /**
     * Returns the device to train on, already resolved from the user's choice.
     *
     * @return the device
     */
    Device device();

    /**
     * Returns the run's random seed; the same seed and parameters must give the same result.
     *
     * @return the seed
     */
    long seed();

    /**
     * Returns the checked hyperparameter values.
     *
     * @return the values
     */
    ParamValues params();

    /**
     * Returns the loaded data set.
     *
     * @return the data
     */
    TrainingData data();

    /**
     * Returns where to report metrics.
     *
     * @return the sink
     */
    MetricsSink metrics();

    /**
     * Reports how far the run is, for the progress bar.
     *
     * @param done units of work done, such as steps
     * @param total units of work in the whole run
     */
    void progress(long done, long total);

    /**
     * Tells whether the user asked to stop the run.
     *
     * @return true once cancellation was requested
     */
    boolean isCancelled();

    /**
     * Throws when the user asked to stop the run; call it once per step.
     *
     * @throws TrainingCancelledException when cancellation was requested
     */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new TrainingCancelledException();
        }
    }

    /**
     * Returns how the user holds this run: pause, single steps, resume and live values of the parameters the plugin
     * declares in {@link LecturePlugin#liveParameters()}. Since API 1.3; the default, for contexts built before it,
     * is {@link TrainingControl#NONE}.
     *
     * @return the run's control, never {@code null}
     */
    default TrainingControl control() {
        return TrainingControl.NONE;
    }
}
