package dev.lectern.server.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.server.DeviceResolver;
import dev.lectern.server.Settings;
import dev.lectern.server.experiment.ControlRelay;
import dev.lectern.server.experiment.ExperimentQueue;
import dev.lectern.server.experiment.ExperimentRepository;
import dev.lectern.server.experiment.ExperimentStatus;
import dev.lectern.server.experiment.RunControls;
import dev.lectern.server.metrics.LiveHub;
import dev.lectern.server.plugin.PluginManager;
import dev.lectern.server.store.Jdbc;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What makes a JVM one node of Lectern's class cluster, web server or {@code lectern worker}: the job engine's
 * queue, this node's row in {@code workers} with its heartbeat, the watch that INTERRUPTS runs of nodes that went
 * silent, and on PostgreSQL the signals between nodes. Embedded (an H2 file, one JVM) it is the same, with one
 * node and no signals.
 */
public final class ClusterNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How often the engine looks for runs another node queued, when no signal told it (PostgreSQL only). */
    static final Duration POLL = Duration.ofMillis(250);

    private final String name;
    private final Duration timeout;
    private final WorkerRegistry registry;
    private final ExperimentRepository runs;
    private final LiveHub hub;
    private final ScheduledExecutorService timer;
    private final boolean trains;
    private JobEngineQueue queue;
    private PgSignals signals;

    private ClusterNode(
            String name,
            Duration timeout,
            WorkerRegistry registry,
            ExperimentRepository runs,
            LiveHub hub,
            boolean trains) {
        this.name = name;
        this.timeout = timeout;
        this.registry = registry;
        this.runs = runs;
        this.hub = hub;
        this.trains = trains;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lectern-node-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Joins the cluster: registers this node if it trains, starts the engine, the heartbeat, the watch and, on
     * PostgreSQL, the signals.
     *
     * @param settings the node's settings (name, concurrency, worker timeout, JDBC URL)
     * @param dataSource the shared store
     * @param jdbc the shared store
     * @param runs the runs' rows
     * @param plugins the plugins this node has
     * @param devices this node's devices
     * @param hub this node's live hub
     * @param web whether this node serves the pages (it then relays other nodes' live events to its hub)
     * @param trainer trains one run here
     * @param controls the controls of the runs training here, which other nodes' requests reach
     * @return the joined node
     * @throws IllegalStateException when a live node on another machine already has this name
     */
    public static ClusterNode join(
            Settings settings,
            DataSource dataSource,
            Jdbc jdbc,
            ExperimentRepository runs,
            PluginManager plugins,
            DeviceResolver devices,
            LiveHub hub,
            boolean web,
            ExperimentQueue.Trainer trainer,
            RunControls controls) {
        WorkerRegistry registry = new WorkerRegistry(jdbc);
        String host = hostName();
        boolean trains = settings.concurrency() > 0;
        if (trains) {
            Optional<WorkerInfo> same = registry.find(settings.name());
            Instant now = registry.now();
            if (same.isPresent()
                    && same.get().alive(now, settings.workerTimeout())
                    && !same.get().host().equals(host)) {
                throw new IllegalStateException("a node named '" + settings.name() + "' runs on "
                        + same.get().host()
                        + " (heard from "
                        + Duration.between(same.get().lastSeen(), now).toSeconds()
                        + " s ago); give this one another --name");
            }
        }
        ClusterNode node = new ClusterNode(settings.name(), settings.workerTimeout(), registry, runs, hub, trains);
        List<String> deviceNames = deviceNames(devices);
        List<String> pluginNames = new ArrayList<>();
        Set<String> tasks = new LinkedHashSet<>();
        for (var status : plugins.statuses()) {
            status.plugin().ifPresent(p -> {
                var d = p.descriptor();
                pluginNames.add(d.id() + "@" + d.version());
                tasks.add(RunTasks.name(d.id(), d.version(), false));
                if (devices.gpuCount() > 0) {
                    tasks.add(RunTasks.name(d.id(), d.version(), true));
                }
            });
        }
        if (trains) {
            registry.register(settings.name(), host, deviceNames, pluginNames, settings.concurrency());
        }
        boolean shared = settings.sharedStore();
        // Embedded, runs are queued by this JVM, which the engine then starts at once; the poll is a fallback.
        Duration poll = shared ? POLL : Duration.ofSeconds(1);
        node.queue = JobEngineQueue.start(
                dataSource,
                settings.name(),
                settings.concurrency(),
                tasks,
                poll,
                runs,
                trainer,
                node::engineFoundDead,
                settings.workerTimeout().dividedBy(6));
        if (shared) {
            Map<String, Consumer<String>> handlers = new HashMap<>();
            LiveForwarder[] forwarder = new LiveForwarder[1];
            if (web) {
                handlers.put(PgSignals.LIVE, payload -> forwarder[0].receive(payload, hub));
            }
            if (trains) {
                handlers.put(PgSignals.QUEUE, payload -> node.queue.wake());
                handlers.put(PgSignals.CONTROL, payload -> node.applyControl(payload, controls));
            }
            node.signals = PgSignals.start(settings.jdbcUrl(), jdbc, handlers);
            forwarder[0] = new LiveForwarder(settings.name(), hub::json, node.signals);
            if (trains) {
                hub.forwardTo(forwarder[0]);
            }
            PgSignals sending = node.signals;
            node.queue.afterSubmit(id -> sending.send(PgSignals.QUEUE, Long.toString(id)));
        }
        long beat = Math.max(500, Math.min(5000, settings.workerTimeout().toMillis() / 5));
        node.timer.scheduleWithFixedDelay(node::beat, beat, beat, TimeUnit.MILLISECONDS);
        LOG.info(
                "node '{}' joined{}: {} on {}, {} plugin(s), trains {} at once",
                settings.name(),
                shared ? " the shared store" : "",
                host,
                String.join(", ", deviceNames),
                pluginNames.size(),
                settings.concurrency());
        return node;
    }

    /**
     * Sends a control request to the node that trains a run, on a shared store.
     *
     * @return the relay ({@link ControlRelay#NONE} embedded)
     */
    public ControlRelay controlRelay() {
        PgSignals sending = signals;
        if (sending == null) {
            return ControlRelay.NONE;
        }
        return (run, action, steps, values) -> {
            Map<String, Object> request = new HashMap<>();
            request.put("id", run.id());
            request.put("worker", run.worker().orElse(null));
            request.put("action", action);
            request.put("steps", steps);
            request.put("values", values);
            try {
                return sending.send(PgSignals.CONTROL, JSON.writeValueAsString(request));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("control request not written: " + e.getMessage(), e);
            }
        };
    }

    private void applyControl(String payload, RunControls controls) {
        try {
            JsonNode request = JSON.readTree(payload);
            if (!name.equals(request.path("worker").asText())) {
                return;
            }
            long id = request.get("id").asLong();
            Map<String, Object> values =
                    JSON.convertValue(request.path("values"), new TypeReference<Map<String, Object>>() {});
            String action = request.path("action").isNull()
                    ? null
                    : request.path("action").asText(null);
            if (!controls.apply(id, action, request.path("steps").asLong(1), values == null ? Map.of() : values)) {
                LOG.info(
                        "control request for experiment {} not applied here (not training, or not paused for step)",
                        id);
            }
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("control request not applied: {}", e.toString());
        }
    }

    /** The queue runs wait in. */
    public JobEngineQueue queue() {
        return queue;
    }

    /** The workers' rows. */
    public WorkerRegistry registry() {
        return registry;
    }

    private void beat() {
        try {
            if (trains) {
                registry.heartbeat(name);
            }
            interruptSilent();
        } catch (RuntimeException e) {
            LOG.warn("heartbeat of node '{}' failed: {}", name, e.getMessage());
        }
    }

    /** RUNNING runs of nodes silent for longer than the timeout become INTERRUPTED, naming the node. */
    private void interruptSilent() {
        Instant now = registry.now();
        for (Map.Entry<Long, String> run :
                runs.runningOnSilentWorkers(now.minus(timeout), name).entrySet()) {
            interrupt(run.getKey(), run.getValue());
        }
    }

    private void engineFoundDead(long id, String worker) {
        // The engine's own watch saw the execution's heartbeat stop; the run ends the same way.
        if (worker != null && !worker.equals(name)) {
            interrupt(id, worker);
        }
    }

    private void interrupt(long id, String worker) {
        long step = runs.find(id).map(r -> r.progressDone()).orElse(0L);
        String reason = "worker '" + worker + "' stopped answering (no heartbeat for " + timeout.toSeconds()
                + " s); the metrics it reported up to step " + step + " are kept; the run was not restarted";
        if (runs.interrupt(id, reason)) {
            LOG.warn("experiment {} INTERRUPTED: {}", id, reason);
            Map<String, Object> event = new HashMap<>();
            event.put("status", ExperimentStatus.INTERRUPTED.name());
            event.put("error", reason);
            hub.publish(id, "status", event);
        }
    }

    private static List<String> deviceNames(DeviceResolver devices) {
        List<String> names = new ArrayList<>();
        names.add("cpu");
        for (int i = 0; i < devices.gpuCount(); i++) {
            names.add("gpu:" + i);
        }
        return names;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** Leaves the cluster: the engine stops (runs here end), the row says stopped. */
    @Override
    public void close() {
        timer.shutdownNow();
        if (queue != null) {
            queue.close();
        }
        if (signals != null) {
            signals.close();
        }
        if (trains) {
            try {
                registry.stopped(name);
            } catch (RuntimeException e) {
                LOG.debug("node '{}' not marked stopped: {}", name, e.getMessage());
            }
        }
    }
}
