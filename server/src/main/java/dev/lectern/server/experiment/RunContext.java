package dev.lectern.server.experiment;

import ai.djl.Device;
import dev.lectern.plugin.api.MetricsSink;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.TrainingContext;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.server.metrics.BatchingMetricsSink;
import java.util.concurrent.atomic.AtomicBoolean;

/** The training context of one server-run experiment. */
record RunContext(Device device, long seed, ParamValues params, TrainingData data, BatchingMetricsSink sink,
        AtomicBoolean cancelled, AtomicBoolean timedOut) implements TrainingContext {

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
