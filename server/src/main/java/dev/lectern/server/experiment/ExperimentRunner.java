package dev.lectern.server.experiment;

import ai.djl.Device;
import dev.lectern.datasets.DatasetService;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingCancelledException;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.api.TrainingDivergedException;
import dev.lectern.server.DeviceResolver;
import dev.lectern.server.Json;
import dev.lectern.server.metrics.BatchingMetricsSink;
import dev.lectern.server.metrics.LiveHub;
import dev.lectern.server.metrics.MetricsRepository;
import dev.lectern.server.plugin.PluginManager;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Trains one experiment on a worker thread, from QUEUED to a final status, whatever the plugin does. */
public final class ExperimentRunner implements ExperimentQueue.Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);

    private final ExperimentRepository experiments;
    private final MetricsRepository metrics;
    private final ArtifactStore artifacts;
    private final PluginManager plugins;
    private final DatasetService datasets;
    private final DeviceResolver devices;
    private final LiveHub hub;
    private final Json json;
    private final ScheduledExecutorService scheduler;
    private final WatchedTraining watch;
    private final RunControls controls;
    private final String node;
    private final java.util.function.Predicate<String> datasetReady;

    /**
     * Wires the runner with the registry of the runs' controls (pause, single steps, resume, live values).
     *
     * @param experiments the runs' rows
     * @param metrics where reported points go
     * @param artifacts where saved models go
     * @param plugins the loaded plugins
     * @param datasets the data sets
     * @param devices resolves device names
     * @param hub live subscribers
     * @param json the JSON mapper
     * @param scheduler flushes metric batches
     * @param watch runs the training with its time limit
     * @param controls the controls of running runs, shared with the control endpoint
     * @param node this node's name, recorded on each run it takes
     * @param datasetReady makes a run's data set loadable here (a worker fetches an upload made on the web node)
     */
    public ExperimentRunner(
            ExperimentRepository experiments,
            MetricsRepository metrics,
            ArtifactStore artifacts,
            PluginManager plugins,
            DatasetService datasets,
            DeviceResolver devices,
            LiveHub hub,
            Json json,
            ScheduledExecutorService scheduler,
            WatchedTraining watch,
            RunControls controls,
            String node,
            java.util.function.Predicate<String> datasetReady) {
        this.node = node;
        this.datasetReady = datasetReady;
        this.controls = controls;
        this.experiments = experiments;
        this.metrics = metrics;
        this.artifacts = artifacts;
        this.plugins = plugins;
        this.datasets = datasets;
        this.devices = devices;
        this.hub = hub;
        this.json = json;
        this.scheduler = scheduler;
        this.watch = watch;
    }

    @Override
    public void run(long id, AtomicBoolean cancelled) {
        Experiment experiment = experiments.find(id).orElse(null);
        if (experiment == null || cancelled.get() || !experiments.markRunning(id, node)) {
            return;
        }
        publishStatus(id, ExperimentStatus.RUNNING, null);
        try (BatchingMetricsSink sink = new BatchingMetricsSink(
                id,
                metrics,
                hub,
                (done, total) -> experiments.updateProgress(id, done, total),
                steps -> experiments.updateStepsPerEpoch(id, steps),
                scheduler)) {
            Outcome outcome = train(experiment, sink, cancelled);
            sink.flush();
            finish(id, outcome);
        } catch (RuntimeException e) {
            LOG.error("experiment {} could not be finished cleanly", id, e);
            finish(id, new Outcome(ExperimentStatus.FAILED, "internal error: " + e.getMessage(), null));
        }
    }

    private record Outcome(ExperimentStatus status, String error, String summaryJson) {}

    private Outcome train(Experiment experiment, BatchingMetricsSink sink, AtomicBoolean cancelled) {
        long id = experiment.id();
        AtomicBoolean timedOut = new AtomicBoolean();
        // Opened before the data loads, so a run paused that early waits before its first step.
        RunControl control = controls.open(id, () -> cancelled.get() || timedOut.get());
        try {
            LecturePlugin plugin = plugins.find(experiment.pluginId())
                    .orElseThrow(() ->
                            new IllegalStateException("plugin '" + experiment.pluginId() + "' is not loaded any more"));
            datasetReady.test(experiment.datasetId());
            TrainingData data = datasets.load(experiment.datasetId(), event -> {
                LOG.info("experiment {}: {}", id, event.message());
                Map<String, Object> fetching = new HashMap<>();
                fetching.put("message", event.message());
                fetching.put("done", Math.max(0, event.bytes()));
                fetching.put("total", event.totalBytes());
                hub.publish(id, "progress", fetching);
            });
            ParamValues params = ParamValues.check(plugin.hyperParameters(), json.readObject(experiment.paramsJson()));
            // Resolved again now that training starts (the GPUs may differ from when it was queued), and stored:
            // the run's JSON, page and table show the device it really trained on.
            Device device = devices.resolve(experiment.device());
            experiments.recordDevice(id, DeviceResolver.name(device));
            LOG.info("experiment {} trains on {}", id, DeviceResolver.name(device));
            RunContext context =
                    new RunContext(device, experiment.seed(), params, data, sink, cancelled, timedOut, control);
            long start = System.nanoTime();
            try (TrainedModel model = watch.run(plugin, context, cancelled, timedOut)) {
                if (timedOut.get() || cancelled.get() || control.expired()) {
                    return stopped(timedOut, control);
                }
                artifacts.save(id, model, json.writeViews(model.views()), json.write(model.predictInputs()));
                Map<String, Double> summary = new LinkedHashMap<>(model.summary());
                summary.put("trainSeconds", (System.nanoTime() - start) / 1e9);
                return new Outcome(ExperimentStatus.SUCCEEDED, null, json.write(summary));
            }
        } catch (WatchedTraining.Abandoned e) {
            return new Outcome(
                    e.timedOut() ? ExperimentStatus.FAILED : ExperimentStatus.CANCELLED, e.getMessage(), null);
        } catch (TrainingCancelledException e) {
            return stopped(timedOut, control);
        } catch (TrainingDivergedException e) {
            return new Outcome(ExperimentStatus.FAILED, e.getMessage(), null);
        } catch (Exception | LinkageError | OutOfMemoryError e) {
            LOG.warn("experiment {} failed", id, e);
            return new Outcome(ExperimentStatus.FAILED, readable(e), null);
        } finally {
            controls.close(id);
        }
    }

    /**
     * A run the plugin ended because it was asked to: by the user (CANCELLED), by a pause that outlived its limit
     * (CANCELLED, with the reason) or by the time limit (FAILED).
     */
    private Outcome stopped(AtomicBoolean timedOut, RunControl control) {
        if (control.expired() && !timedOut.get()) {
            return new Outcome(
                    ExperimentStatus.CANCELLED,
                    "paused for longer than the pause limit of " + WatchedTraining.describe(control.pauseLimit())
                            + " (setting --pause-limit)",
                    null);
        }
        return timedOut.get()
                ? new Outcome(
                        ExperimentStatus.FAILED,
                        "exceeded the time limit of " + WatchedTraining.describe(watch.timeLimit())
                                + " (setting --time-limit)",
                        null)
                : new Outcome(ExperimentStatus.CANCELLED, null, null);
    }

    private void finish(long id, Outcome outcome) {
        if (outcome.status() != ExperimentStatus.SUCCEEDED) {
            LOG.info(
                    "experiment {} ended {}{}",
                    id,
                    outcome.status(),
                    outcome.error() == null ? "" : ": " + outcome.error());
        }
        if (experiments.finish(id, outcome.status(), outcome.error(), outcome.summaryJson())) {
            publishStatus(id, outcome.status(), outcome.error());
        }
    }

    private void publishStatus(long id, ExperimentStatus status, String error) {
        Map<String, Object> event = new HashMap<>();
        event.put("status", status.name());
        event.put("error", error);
        hub.publish(id, "status", event);
    }

    /** Says what went wrong without a stack trace: the message, or the exception's name when it has none. */
    static String readable(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return e instanceof RuntimeException
                        && !(e instanceof IllegalArgumentException || e instanceof IllegalStateException)
                ? e.getClass().getSimpleName() + ": " + message
                : message;
    }
}
