package dev.lectern.plugin.testkit;

import ai.djl.Device;
import dev.lectern.plugin.api.MetricsSink;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.TrainingContext;
import dev.lectern.plugin.api.TrainingControl;
import dev.lectern.plugin.api.TrainingData;
import java.util.function.BooleanSupplier;

/**
 * An in-memory training context for tests: CPU unless told otherwise, a fixed seed, recorded metrics, and a cancellation
 * condition the test controls.
 */
public final class FakeTrainingContext implements TrainingContext {

    private final Device device;
    private final ParamValues params;
    private final TrainingData data;
    private final long seed;
    private final RecordingMetricsSink metrics = new RecordingMetricsSink();
    private final BooleanSupplier cancelled;
    private volatile long progressDone;
    private volatile long progressTotal;
    private volatile TrainingControl control = TrainingControl.NONE;

    /**
     * Creates a context.
     *
     * @param params the checked parameters
     * @param data the data set
     * @param seed the seed
     * @param cancelled asked at every {@link #isCancelled()} call
     */
    public FakeTrainingContext(ParamValues params, TrainingData data, long seed, BooleanSupplier cancelled) {
        this(Device.cpu(), params, data, seed, cancelled);
    }

    /**
     * Creates a context that trains on a given device.
     *
     * @param device the device the run must train on
     * @param params the checked parameters
     * @param data the data set
     * @param seed the seed
     * @param cancelled asked at every {@link #isCancelled()} call
     */
    public FakeTrainingContext(
            Device device, ParamValues params, TrainingData data, long seed, BooleanSupplier cancelled) {
        this.device = device;
        this.params = params;
        this.data = data;
        this.seed = seed;
        this.cancelled = cancelled;
    }

    @Override
    public Device device() {
        return device;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public ParamValues params() {
        return params;
    }

    @Override
    public TrainingData data() {
        return data;
    }

    @Override
    public MetricsSink metrics() {
        return metrics;
    }

    /**
     * Returns the recorded metrics.
     *
     * @return the sink
     */
    public RecordingMetricsSink recorded() {
        return metrics;
    }

    @Override
    public void progress(long done, long total) {
        progressDone = done;
        progressTotal = total;
    }

    /**
     * Returns the last reported progress.
     *
     * @return {done, total}
     */
    public long[] lastProgress() {
        return new long[] {progressDone, progressTotal};
    }

    @Override
    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }

    /**
     * Gives the run a control other than {@link TrainingControl#NONE}, such as a {@link ScriptedControl}.
     *
     * @param control the control
     * @return this
     */
    public FakeTrainingContext withControl(TrainingControl control) {
        this.control = control;
        return this;
    }

    @Override
    public TrainingControl control() {
        return control;
    }
}
