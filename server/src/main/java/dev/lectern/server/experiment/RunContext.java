package dev.lectern.server.experiment;

import ai.djl.Device;
import dev.lectern.plugin.api.MetricsSink;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.TrainingContext;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.server.metrics.BatchingMetricsSink;
import java.util.concurrent.atomic.AtomicBoolean;

/** The training context of one server-run experiment; {@code control} is how the user holds it (API 1.3). */
record RunContext(
        Device device,
        long seed,
        ParamValues params,
        TrainingData data,
        BatchingMetricsSink sink,
        AtomicBoolean cancelled,
        AtomicBoolean timedOut,
        RunControl control)
        implements TrainingContext {

    RunContext(
            Device device,
            long seed,
            ParamValues params,
            TrainingData data,
            BatchingMetricsSink sink,
            AtomicBoolean cancelled,
            AtomicBoolean timedOut) {
        this(
                device,
                seed,
                params,
                data,
                sink,
                cancelled,
                timedOut,
                new RunControl(RunControls.DEFAULT_PAUSE_LIMIT, () -> cancelled.get() || timedOut.get(), (c, e) -> {}));
    }

    @Override
    public MetricsSink metrics() {
        return sink;
    }

    @Override
    public void progress(long done, long total) {
        sink.progress(done, total);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get() || timedOut.get();
    }
}
