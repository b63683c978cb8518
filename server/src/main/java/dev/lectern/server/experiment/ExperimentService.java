package dev.lectern.server.experiment;

import ai.djl.Device;
import dev.lectern.datasets.DatasetService;
import dev.lectern.datasets.DatasetSpec;
import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.Prediction;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.api.gradient.GradientCheck;
import dev.lectern.plugin.api.gradient.GradientCheckReport;
import dev.lectern.plugin.api.gradient.GradientProblem;
import dev.lectern.server.ConflictException;
import dev.lectern.server.DeviceResolver;
import dev.lectern.server.Json;
import dev.lectern.server.NotFoundException;
import dev.lectern.server.QuotaExceededException;
import dev.lectern.server.http.Formats;
import dev.lectern.server.metrics.LiveHub;
import dev.lectern.server.plugin.DataFit;
import dev.lectern.server.plugin.PluginManager;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates, cancels, lists and queries experiments; owns the queue that trains them. */
public final class ExperimentService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentService.class);

    private final ExperimentRepository experiments;
    private final ArtifactStore artifacts;
    private final PluginManager plugins;
    private final DatasetService datasets;
    private final DeviceResolver devices;
    private final LiveHub hub;
    private final Json json;
    private final String defaultDevice;
    private final ExperimentQueue queue;
    private final QueueQuota quota;
    private final java.util.function.BiPredicate<String, String> mayUseDataset;
    private final RunControls controls;
    private volatile LiveChangeGuard liveGuard = (id, values) -> {};
    private volatile WaitingReason waiting = WaitingReason.NONE;
    private volatile boolean devicesResolvedWhereTrained;
    private volatile String node = "";
    private volatile ControlRelay controlRelay = ControlRelay.NONE;

    /** Checks a run's live changes beyond the plugin's declarations, such as a lesson's fixed values. */
    @FunctionalInterface
    public interface LiveChangeGuard {
        /**
         * Refuses a change.
         *
         * @param experimentId the run
         * @param values the changes, each already checked against its parameter's declaration
         * @throws InvalidParameterException naming the parameter that may not change so
         */
        void check(long experimentId, Map<String, Object> values);
    }

    /**
     * Sets the guard of live changes.
     *
     * @param guard the guard
     */
    public void guardLiveChanges(LiveChangeGuard guard) {
        this.liveGuard = guard;
    }

    /**
     * Sends control requests of runs another node trains to that node.
     *
     * @param node this node's name
     * @param relay the way to the other nodes
     */
    public void relayControls(String node, ControlRelay relay) {
        this.node = node;
        this.controlRelay = relay;
    }

    /**
     * Sets what tells a queued run that no node can take it.
     *
     * @param reason the reasons
     */
    public void explainWaiting(WaitingReason reason) {
        this.waiting = reason;
    }

    /**
     * Why a queued run waits, when no node can take it.
     *
     * @param run the run
     * @return the reason, empty when it only waits its turn (or is not queued)
     */
    public Optional<String> waitingReason(Experiment run) {
        try {
            return waiting.of(run);
        } catch (RuntimeException e) {
            // A reason is advice: a store that cannot answer now must not fail the page.
            LOG.debug("no waiting reason for experiment {}: {}", run.id(), e.toString());
            return Optional.empty();
        }
    }

    /**
     * On a shared store the node that takes a run may have GPUs this one lacks: a run keeps the device as asked
     * (auto, cpu, gpu or gpu:N, checked for its form only), the engine hands a GPU run only to a node with a GPU,
     * and that node resolves the choice when training starts.
     */
    public void resolveDevicesWhereTrained() {
        this.devicesResolvedWhereTrained = true;
    }

    /**
     * Wires the service; the queue that trains the runs is built by the caller.
     *
     * @param experiments the runs' rows
     * @param artifacts the runs' saved models and views
     * @param plugins the loaded plugins
     * @param datasets the data sets
     * @param devices resolves device names
     * @param hub live subscribers of each run
     * @param json the JSON mapper
     * @param defaultDevice the device of a run that names none
     * @param queue where created runs wait for a worker
     * @param quota the limits on queued work
     * @param mayUseDataset whether a requester (by name, or null without accounts) may train on a data set
     */
    public ExperimentService(
            ExperimentRepository experiments,
            ArtifactStore artifacts,
            PluginManager plugins,
            DatasetService datasets,
            DeviceResolver devices,
            LiveHub hub,
            Json json,
            String defaultDevice,
            ExperimentQueue queue,
            QueueQuota quota,
            java.util.function.BiPredicate<String, String> mayUseDataset) {
        this(
                experiments,
                artifacts,
                plugins,
                datasets,
                devices,
                hub,
                json,
                defaultDevice,
                queue,
                quota,
                mayUseDataset,
                new RunControls(null, hub, RunControls.DEFAULT_PAUSE_LIMIT));
    }

    /**
     * Wires the service with the controls of the running runs, which the runner opens.
     *
     * @param experiments the runs' rows
     * @param artifacts the runs' saved models and views
     * @param plugins the loaded plugins
     * @param datasets the data sets
     * @param devices resolves device names
     * @param hub live subscribers of each run
     * @param json the JSON mapper
     * @param defaultDevice the device of a run that names none
     * @param queue where created runs wait for a worker
     * @param quota the limits on queued work
     * @param mayUseDataset whether a requester (by name, or null without accounts) may train on a data set
     * @param controls the controls of running runs, shared with the runner
     */
    public ExperimentService(
            ExperimentRepository experiments,
            ArtifactStore artifacts,
            PluginManager plugins,
            DatasetService datasets,
            DeviceResolver devices,
            LiveHub hub,
            Json json,
            String defaultDevice,
            ExperimentQueue queue,
            QueueQuota quota,
            java.util.function.BiPredicate<String, String> mayUseDataset,
            RunControls controls) {
        this.controls = controls;
        this.experiments = experiments;
        this.artifacts = artifacts;
        this.plugins = plugins;
        this.datasets = datasets;
        this.devices = devices;
        this.hub = hub;
        this.json = json;
        this.defaultDevice = defaultDevice;
        this.queue = queue;
        this.quota = quota;
        this.mayUseDataset = mayUseDataset;
    }

    /**
     * Marks the runs a crash of this node left RUNNING as INTERRUPTED and queues the ones that wait (again: the
     * engine keeps what it already holds, and adds runs queued before it held them).
     *
     * @param node this node's name, or null when this node is the only one (an H2 file belongs to one JVM, so every
     *     run left RUNNING was this node's, whatever name it had then)
     * @return how many were interrupted
     */
    public int recover(String node) {
        int interrupted = experiments.interruptRunning(node, "the server stopped while this experiment was running");
        for (long id : experiments.idsWithStatus(ExperimentStatus.QUEUED)) {
            if (!queue.submit(id, get(id).owner().orElse(null))) {
                experiments.finish(id, ExperimentStatus.FAILED, "the queue was full when the server restarted", null);
            }
        }
        return interrupted;
    }

    /**
     * Checks a request and queues the experiment.
     *
     * @param request what to run
     * @return the created experiment
     * @throws InvalidParameterException naming the bad field
     */
    public Experiment create(NewExperiment request) {
        LecturePlugin plugin = plugin(request.plugin());
        DatasetSpec dataset = dataset(plugin, request.dataset());
        ParamValues values = check(request, plugin, dataset);
        String deviceName =
                device(request.device() == null || request.device().isBlank() ? defaultDevice : request.device());
        long seed = request.seed() != null
                ? request.seed()
                : values.has("seed")
                        ? ((Number) values.asMap().get("seed")).longValue()
                        : ThreadLocalRandom.current().nextInt(1 << 30);
        String name = name(request.name(), plugin, dataset);
        return quota.admit(request.owner(), 1, () -> {
            long id = experiments.insert(
                    name,
                    plugin.descriptor().id(),
                    plugin.descriptor().version(),
                    dataset.id(),
                    json.write(values.asMap()),
                    deviceName,
                    seed,
                    request.sweepId(),
                    request.owner(),
                    request.parentId());
            Experiment created = get(id);
            if (!queue.submit(id, request.owner())) {
                experiments.finish(id, ExperimentStatus.FAILED, "the queue is full", null);
                throw new QuotaExceededException("the queue is full; try again later", QueueQuota.RETRY_AFTER_SECONDS);
            }
            LOG.info("experiment {} queued: {} on {}", id, plugin.descriptor().id(), dataset.id());
            return created;
        });
    }

    private String device(String choice) {
        if (devicesResolvedWhereTrained) {
            return DeviceResolver.normalize(choice);
        }
        return DeviceResolver.name(devices.resolve(choice));
    }

    /**
     * Runs a run again from the same initial weights (its seed) with one change, linked to it as its parent.
     *
     * @param id the run to branch from: ended, or paused while it trains
     * @param change the hyperparameters that differ (at least one)
     * @param owner the account that asks, or null
     * @return the new, queued run
     * @throws ConflictException when the run is queued, or training and not paused
     * @throws InvalidParameterException naming {@code params} for no change, or the parameter that is wrong
     */
    public Experiment branch(long id, Map<String, Object> change, String owner) {
        Experiment parent = get(id);
        if (parent.status() == ExperimentStatus.QUEUED || parent.status() == ExperimentStatus.RUNNING && !paused(id)) {
            throw new ConflictException(
                    "experiment " + id + " is " + (parent.status() == ExperimentStatus.QUEUED ? "queued" : "training")
                            + "; a run is branched once it has ended, or while it is paused");
        }
        if (change == null || change.isEmpty()) {
            throw new InvalidParameterException(
                    "params", "name the change to branch with, such as " + "{\"params\":{\"learningRate\":0.1}}");
        }
        LecturePlugin plugin = plugin(parent.pluginId());
        Map<String, Object> before = json.readObject(parent.paramsJson());
        Map<String, Object> params = new java.util.LinkedHashMap<>(before);
        params.putAll(change);
        // Checked as a whole first, so a wrong value is named before anything is labelled.
        ParamValues checked = ParamValues.check(plugin.hyperParameters(), params);
        List<String> changes = new java.util.ArrayList<>();
        change.keySet()
                .forEach(name -> changes.add(name + " " + Formats.number(before.get(name)) + " → "
                        + Formats.number(checked.asMap().get(name))));
        String label = String.join(", ", changes);
        String name = parent.name() + " · " + label;
        return create(new NewExperiment(
                parent.pluginId(),
                parent.datasetId(),
                checked.asMap(),
                name.length() > 200 ? name.substring(0, 200) : name,
                null,
                null,
                owner,
                parent.seed(),
                parent.id()));
    }

    /**
     * Creates several runs as one request, if the queue has room for all of them.
     *
     * @param owner the account that asks, or null
     * @param runs how many runs {@code create} makes
     * @param create makes them, calling {@link #create} for each
     * @param <T> what it returns
     * @return what {@code create} returned
     */
    public <T> T createAll(String owner, int runs, Supplier<T> create) {
        return quota.admit(owner, runs, create);
    }

    /**
     * The owner of a run.
     *
     * @param id the run
     * @return empty when there is no such run; else its owner, empty for a run made without accounts
     */
    public Optional<Optional<String>> ownerOf(long id) {
        return experiments.owner(id);
    }

    /**
     * A run the viewer may see.
     *
     * @param id the run
     * @param viewer who asks
     * @return the run
     * @throws NotFoundException when there is none, or it is another student's
     */
    public Experiment visible(long id, dev.lectern.server.access.Viewer viewer) {
        Experiment experiment = get(id);
        if (!viewer.maySee(experiment.owner().orElse(null))) {
            throw new NotFoundException("experiment " + id + " does not exist");
        }
        return experiment;
    }

    /**
     * Checks a request as {@link #create} would, without creating anything.
     *
     * @param request what to run
     * @return the checked hyperparameters, the data set's defaults filled in
     * @throws InvalidParameterException naming the bad field
     */
    public ParamValues check(NewExperiment request) {
        LecturePlugin plugin = plugin(request.plugin());
        return check(request, plugin, dataset(plugin, request.dataset()));
    }

    private ParamValues check(NewExperiment request, LecturePlugin plugin, DatasetSpec dataset) {
        if (!mayUseDataset.test(request.owner(), dataset.id())) {
            // Another student's upload is not there for this one: the same answer as a data set that does not exist.
            throw new InvalidParameterException("dataset", "unknown data set '" + dataset.id() + "'");
        }
        // The plugin's declared data requirements against the data set's facts: refused now, not during training.
        DataFit.mismatch(plugin, dataset).ifPresent(reason -> {
            throw new InvalidParameterException("dataset", reason);
        });
        Map<String, Object> submitted = new HashMap<>(plugin.defaultsFor(dataset.info()));
        request.params().forEach((k, v) -> {
            if (v != null && !(v instanceof String s && s.isBlank())) {
                submitted.put(k, v);
            }
        });
        ParamValues values = ParamValues.check(plugin.hyperParameters(), submitted);
        plugin.validate(values, dataset.info());
        quota.checkSize(values, datasets.knownRows(dataset.id()));
        return values;
    }

    /**
     * The runs of a sweep.
     *
     * @param sweepId the sweep
     * @return its runs in creation order
     */
    public List<Experiment> inSweep(long sweepId) {
        return experiments.idsInSweep(sweepId).stream().map(this::get).toList();
    }

    /** Returns an experiment or throws {@link NotFoundException}. */
    public Experiment get(long id) {
        return experiments.find(id).orElseThrow(() -> new NotFoundException("experiment " + id + " does not exist"));
    }

    /** Returns one page of experiments, newest first. */
    public List<Experiment> page(Optional<String> plugin, int page, int size) {
        return experiments.page(plugin, (page - 1) * size, size);
    }

    /** Returns one page of experiments, newest first, of one owner when given. */
    public List<Experiment> page(Optional<String> plugin, Optional<String> owner, int page, int size) {
        if (owner.isEmpty()) {
            return page(plugin, page, size);
        }
        RunQuery query = new RunQuery(
                plugin,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "id",
                true,
                (page - 1) * size,
                size,
                owner);
        return experiments.search(query);
    }

    /** Counts experiments. */
    public long count(Optional<String> plugin) {
        return experiments.count(plugin);
    }

    /** Returns one page of the runs table. */
    public List<Experiment> search(RunQuery query) {
        return experiments.search(query);
    }

    /** Counts the runs a query's filters match. */
    public long count(RunQuery query) {
        return experiments.count(query);
    }

    /** The grouped runs table's headings for one page of rows (see {@link RunGroups}). */
    public java.util.Map<Long, dev.lectern.web.page.RunGroupHead> groupHeads(
            RunQuery pageQuery, List<Experiment> rows) {
        return RunGroups.heads(experiments, pageQuery, rows);
    }

    /**
     * Renames a run and replaces its tags and notes.
     *
     * @param id the run
     * @param name the new name; null keeps the old one
     * @param tags the tags, separated by commas; each is kept lower case
     * @param notes notes in Markdown
     * @return the run after the change
     * @throws InvalidParameterException naming {@code name}, {@code tags} or {@code notes}
     */
    public Experiment describe(long id, String name, String tags, String notes) {
        Experiment before = get(id);
        if (name != null && name.isBlank()) {
            throw new InvalidParameterException(
                    "name", "name must not be empty; leave it out to keep the current name");
        }
        String newName = name == null ? before.name() : name.strip();
        if (newName.length() > 200) {
            throw new InvalidParameterException("name", "name must be at most 200 characters, got " + newName.length());
        }
        List<String> tagList = RunLabels.parseTags(tags);
        String newNotes = notes == null ? "" : notes.strip();
        if (newNotes.length() > RunLabels.MAX_NOTES) {
            throw new InvalidParameterException(
                    "notes", "notes must be at most " + RunLabels.MAX_NOTES + " characters, got " + newNotes.length());
        }
        experiments.describe(id, newName, tagList, newNotes);
        return get(id);
    }

    /**
     * Deletes a run with its metrics, texts and saved model.
     *
     * @param id the run
     * @throws ConflictException when it is still queued or running: cancel it first
     */
    public void delete(long id) {
        Experiment experiment = get(id);
        if (experiment.status().isActive()) {
            throw new ConflictException(
                    "experiment " + id + " is " + experiment.status() + "; cancel it before deleting it");
        }
        try {
            artifacts.delete(id);
        } catch (IOException e) {
            throw new ConflictException("the files of experiment " + id + " could not be deleted: " + e.getMessage());
        }
        experiments.delete(id);
    }

    /** Writes a run's saved model and views as a zip, after checking every file against its recorded checksum. */
    public void writeArtifactZip(long id, java.io.OutputStream out) throws IOException {
        get(id);
        artifacts.writeZip(id, out);
    }

    /**
     * Stops a queued or running experiment. A queued one ends at once; a running one ends at its next step.
     *
     * @param id the experiment
     * @return the experiment after the request
     */
    public Experiment cancel(long id) {
        Experiment experiment = get(id);
        if (!experiment.status().isActive()) {
            throw new ConflictException("experiment " + id + " is already " + experiment.status());
        }
        queue.cancel(id);
        if (experiment.status() == ExperimentStatus.QUEUED
                && experiments.finish(id, ExperimentStatus.CANCELLED, null, null)) {
            Map<String, Object> event = new HashMap<>();
            event.put("status", ExperimentStatus.CANCELLED.name());
            event.put("error", null);
            hub.publish(id, "status", event);
        }
        return get(id);
    }

    /**
     * Whether a run is paused now (a state of RUNNING).
     *
     * @param id the run
     * @return true while paused
     */
    public boolean paused(long id) {
        return controls.paused(id);
    }

    /**
     * The newest lesson pictures a run drew while it trained (paused, single-stepped, or now and then), none once it
     * ended or before it drew any.
     *
     * @param id the run
     * @return its pictures after some optimizer steps
     */
    public Optional<LiveViewsRepository.Snapshot> liveViews(long id) {
        return controls.liveViews(id);
    }

    /**
     * What a person did to a run while it trained, oldest first.
     *
     * @param id the run
     * @return its events
     */
    public List<RunEvent> events(long id) {
        return controls.events(id);
    }

    /**
     * Holds a running run: pause, single steps, resume, and live values of the parameters its plugin declares live.
     * Every value is checked before anything changes.
     *
     * @param id the run
     * @param action pause, resume or step, or null for none
     * @param steps the single steps of {@code step}
     * @param values parameter name to new value, empty for none
     * @return the run after the request
     * @throws ConflictException when the run is not running, or not paused for {@code step}, or its plugin was built
     *     before the control existed (API 1.3)
     * @throws InvalidParameterException naming a parameter that is not live-changeable or a value out of range
     */
    public Experiment control(long id, String action, long steps, Map<String, Object> values) {
        Experiment experiment = get(id);
        if (experiment.status() != ExperimentStatus.RUNNING) {
            throw new ConflictException("experiment " + id + " is " + experiment.status()
                    + "; only a running run can be paused, stepped, resumed or changed");
        }
        LecturePlugin plugin = plugins.find(experiment.pluginId())
                .orElseThrow(
                        () -> new ConflictException("plugin '" + experiment.pluginId() + "' is not loaded any more"));
        String api = plugin.descriptor().apiVersion();
        if (minorVersion(api) < 3) {
            throw new ConflictException("plugin " + experiment.pluginId() + " was built for plugin API " + api
                    + ", which cannot pause a run or change it while it trains (that needs 1.3)");
        }
        Map<String, Object> checked = new java.util.LinkedHashMap<>();
        values.forEach((name, raw) -> {
            if (!plugin.liveParameters().contains(name)) {
                throw new InvalidParameterException(
                        name,
                        name + " cannot change while " + plugin.descriptor().title()
                                + " trains"
                                + (plugin.liveParameters().isEmpty()
                                        ? "; none of its parameters can"
                                        : "; live-changeable: "
                                                + String.join(", ", new java.util.TreeSet<>(plugin.liveParameters()))));
            }
            ParamSpec spec = plugin.hyperParameters().stream()
                    .filter(s -> s.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new InvalidParameterException(name, "unknown parameter '" + name + "'"));
            if (raw == null || raw instanceof String s && s.isBlank()) {
                throw new InvalidParameterException(name, spec.label() + " needs a value");
            }
            checked.put(name, spec.parse(raw));
        });
        if (!checked.isEmpty()) {
            liveGuard.check(id, checked);
        }
        if (action != null && !java.util.Set.of("pause", "resume", "step").contains(action)) {
            throw new InvalidParameterException("action", "action must be pause, resume or step, got '" + action + "'");
        }
        Optional<RunControl> local = controls.find(id);
        if (local.isEmpty()) {
            // Trained by another machine: that node applies the checked request (its page hears the outcome live).
            if (experiment.worker().filter(w -> !w.equals(node)).isPresent()
                    && controlRelay.send(experiment, action, steps, checked)) {
                LOG.info(
                        "experiment {}: {} sent to worker '{}'",
                        id,
                        action == null ? "set" : action,
                        experiment.worker().get());
                return get(id);
            }
            throw new ConflictException("experiment " + id + " is not training yet; try again in a moment");
        }
        RunControl control = local.get();
        if ("step".equals(action) && !control.isPaused()) {
            throw new ConflictException("experiment " + id + " is not paused; pause it before stepping");
        }
        if (!RunControls.apply(control, action, steps, checked)) {
            throw new ConflictException("experiment " + id + " is not paused; pause it before stepping");
        }
        if (action != null || !checked.isEmpty()) {
            LOG.info(
                    "experiment {}: {}{}", id, action == null ? "set" : action, checked.isEmpty() ? "" : " " + checked);
        }
        return get(id);
    }

    private static int minorVersion(String version) {
        String[] parts = version == null ? new String[0] : version.split("\\.");
        try {
            return parts.length < 2 ? 0 : Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Returns an experiment's views as a JSON array, or "[]" when it has none. */
    public String viewsJson(long id) {
        get(id);
        try {
            return artifacts.views(id).orElse("[]");
        } catch (IOException e) {
            throw new ConflictException(e.getMessage());
        }
    }

    /**
     * Returns the inputs the experiment's trained model takes, as declared when it was saved; empty when it has no
     * model or does not predict.
     */
    public List<ParamSpec> predictInputs(long id) {
        if (get(id).status() != ExperimentStatus.SUCCEEDED) {
            return List.of();
        }
        try {
            return artifacts.predictInputs(id).map(json::readParamSpecs).orElse(List.of());
        } catch (IOException e) {
            LOG.warn("predict inputs of experiment {} are unreadable: {}", id, e.getMessage());
            return List.of();
        }
    }

    /**
     * Answers one input with the experiment's saved model; works after a restart.
     *
     * @param id the experiment
     * @param input the submitted input values
     * @return the prediction
     */
    public Prediction predict(long id, Map<String, Object> input) {
        Experiment experiment = get(id);
        if (experiment.status() != ExperimentStatus.SUCCEEDED) {
            throw new ConflictException(
                    "experiment " + id + " has no trained model (status " + experiment.status() + ")");
        }
        LecturePlugin plugin = plugin(experiment.pluginId());
        try (TrainedModel model = plugin.load(artifacts.modelDirectory(id), Device.cpu())) {
            List<ParamSpec> inputs = model.predictInputs();
            ParamValues values = ParamValues.check(inputs, input);
            try {
                return model.predict(values);
            } catch (InvalidParameterException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                // The model refused the values themselves (an empty drawing, say): the client's mistake, not ours.
                throw new InvalidParameterException(
                        inputs.size() == 1 ? inputs.get(0).name() : "input", e.getMessage());
            }
        } catch (IOException e) {
            throw new ConflictException(e.getMessage());
        } catch (UnsupportedOperationException e) {
            throw new ConflictException("plugin " + experiment.pluginId() + " does not predict");
        }
    }

    /**
     * Compares backpropagation with float64 central differences on the run's saved model and a small batch of its data
     * (plugin API 1.4). The model is read from the artifacts, so this node need not be the one that trained it.
     *
     * @param id the run
     * @return the checked entries and whether they all passed
     * @throws ConflictException when the run has no saved model yet (queued, training, paused, or ended without
     *     one), its plugin is gone or offers no gradient check, or its data set cannot be loaded here
     */
    public GradientCheckReport gradientCheck(long id) {
        Experiment experiment = get(id);
        LecturePlugin plugin = plugins.find(experiment.pluginId())
                .orElseThrow(
                        () -> new ConflictException("plugin '" + experiment.pluginId() + "' is not loaded any more"));
        if (!plugin.checksGradients()) {
            throw new ConflictException(plugin.descriptor().title() + " (plugin " + experiment.pluginId()
                    + ") offers no gradient check: it does not declare LecturePlugin.checksGradients (plugin API 1.4)");
        }
        if (experiment.status() == ExperimentStatus.RUNNING) {
            throw new ConflictException("experiment " + id + " is "
                    + (paused(id) ? "paused, and its weights are in the training loop" : "training")
                    + "; the gradient check runs on the saved model once the run has ended");
        }
        if (experiment.status() != ExperimentStatus.SUCCEEDED) {
            throw new ConflictException(
                    "experiment " + id + " has no trained model to check (status " + experiment.status() + ")");
        }
        TrainingData data;
        try {
            data = datasets.load(experiment.datasetId(), event -> {});
        } catch (IOException | RuntimeException e) {
            throw new ConflictException(
                    "the run's data set '" + experiment.datasetId() + "' cannot be loaded here: " + e.getMessage());
        }
        GradientCheck.Options options = GradientCheck.Options.DEFAULT;
        try (TrainedModel model = plugin.load(artifacts.modelDirectory(id), Device.cpu())) {
            GradientProblem problem = model.gradientProblem(data, options)
                    .orElseThrow(() -> new ConflictException("the saved model of experiment " + id
                            + " offers no gradient check although its plugin declares one"));
            GradientCheckReport report = GradientCheck.run(problem, options);
            LOG.info("experiment {}: {}", id, report.describe());
            return report;
        } catch (IOException e) {
            throw new ConflictException(e.getMessage());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // The model does not fit the data it is given (a data set changed since), said by the plugin.
            throw new ConflictException("the gradient check of experiment " + id + " cannot run: " + e.getMessage());
        }
    }

    /** The loaded plugins. */
    public List<LecturePlugin> plugins() {
        return plugins.plugins();
    }

    /** Finds a loaded plugin or throws an error naming the field {@code plugin}. */
    public LecturePlugin plugin(String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidParameterException("plugin", "plugin is required");
        }
        return plugins.find(id)
                .orElseThrow(() -> new InvalidParameterException("plugin", "unknown plugin '" + id + "'"));
    }

    private DatasetSpec dataset(LecturePlugin plugin, String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidParameterException("dataset", "dataset is required");
        }
        DatasetSpec spec = datasets.catalog()
                .find(id)
                .orElseThrow(() -> new InvalidParameterException("dataset", "unknown data set '" + id + "'"));
        if (!plugin.datasetKinds().contains(spec.kind())) {
            throw new InvalidParameterException(
                    "dataset",
                    plugin.descriptor().title() + " cannot train on " + spec.kind() + " data set '" + id
                            + "'; it accepts " + plugin.datasetKinds());
        }
        return spec;
    }

    private static String name(String requested, LecturePlugin plugin, DatasetSpec dataset) {
        if (requested == null || requested.isBlank()) {
            return plugin.descriptor().title() + " on " + dataset.title();
        }
        String name = requested.strip();
        if (name.length() > 200) {
            throw new InvalidParameterException("name", "name must be at most 200 characters, got " + name.length());
        }
        return name;
    }

    @Override
    public void close() {
        queue.close();
    }
}
