package dev.lectern.server.worker;

import dev.lectern.server.experiment.Experiment;
import dev.lectern.server.experiment.ExperimentStatus;
import dev.lectern.server.experiment.WaitingReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Tells a queued run which node could take it, from the live workers' rows: the same facts the engine hands runs
 * out by ({@link RunTasks}: plugin, version, GPU or not), read from the {@code workers} table.
 */
public final class WaitingReasons implements WaitingReason {

    private final WorkerRegistry registry;
    private final Duration timeout;

    /**
     * Creates the reasons.
     *
     * @param registry the workers' rows
     * @param timeout how long a silent worker still counts as alive
     */
    public WaitingReasons(WorkerRegistry registry, Duration timeout) {
        this.registry = registry;
        this.timeout = timeout;
    }

    @Override
    public Optional<String> of(Experiment run) {
        if (run.status() != ExperimentStatus.QUEUED) {
            return Optional.empty();
        }
        Instant now = registry.now();
        List<WorkerInfo> live =
                registry.all().stream().filter(w -> w.alive(now, timeout)).toList();
        return reason(run.pluginId(), run.pluginVersion(), RunTasks.wantsGpu(run.device()), live);
    }

    /**
     * The reason for a run, given the live workers.
     *
     * @param pluginId the run's plugin
     * @param version the plugin's version the run was made with
     * @param gpu whether the run asks for a GPU
     * @param live the workers alive now
     * @return why none of them can take it, empty when one can
     */
    static Optional<String> reason(String pluginId, String version, boolean gpu, List<WorkerInfo> live) {
        if (live.isEmpty()) {
            return Optional.of("no worker is running: it trains once one starts (lectern worker)");
        }
        String wanted = pluginId + "@" + version;
        List<WorkerInfo> able =
                live.stream().filter(w -> w.plugins().contains(wanted)).toList();
        if (able.isEmpty()) {
            TreeSet<String> others = new TreeSet<>();
            live.forEach(w -> w.plugins().stream()
                    .filter(p -> p.startsWith(pluginId + "@"))
                    .forEach(p -> others.add(p.substring(pluginId.length() + 1))));
            return Optional.of("no worker can take this run: none of the " + live.size() + " running has plugin '"
                    + pluginId + "' version " + version
                    + (others.isEmpty() ? "" : " (they have " + String.join(", ", others) + ")")
                    + "; it waits until one that has it starts");
        }
        if (gpu && able.stream().noneMatch(WorkerInfo::hasGpu)) {
            return Optional.of(
                    "waiting for a GPU worker: none of the running workers with plugin '" + pluginId + "' has a GPU");
        }
        return Optional.empty();
    }
}
