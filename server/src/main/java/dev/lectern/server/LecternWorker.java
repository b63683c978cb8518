package dev.lectern.server;

import ai.djl.engine.Engine;
import dev.lectern.datasets.DatasetService;
import dev.lectern.server.dataset.DatasetUploads;
import dev.lectern.server.dataset.UploadRepository;
import dev.lectern.server.experiment.ArtifactStore;
import dev.lectern.server.experiment.ExperimentRepository;
import dev.lectern.server.experiment.ExperimentRunner;
import dev.lectern.server.experiment.LiveViewsRepository;
import dev.lectern.server.experiment.RunControls;
import dev.lectern.server.experiment.RunEventsRepository;
import dev.lectern.server.experiment.WatchedTraining;
import dev.lectern.server.metrics.LiveHub;
import dev.lectern.server.metrics.MetricsRepository;
import dev.lectern.server.plugin.PluginManager;
import dev.lectern.server.plugin.PluginStatus;
import dev.lectern.server.store.Database;
import dev.lectern.server.store.Jdbc;
import dev.lectern.server.worker.ClusterNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code lectern worker}: a JVM that trains runs queued in a shared PostgreSQL database and serves no pages. It has
 * the server's settings where they apply ({@code --jdbc-url}, {@code --data-dir}, {@code --dataset-mirror},
 * {@code --concurrency}, {@code --device}, {@code --name}, {@code --time-limit}, {@code --pause-limit},
 * {@code --worker-timeout}, also as {@code LECTERN_*} variables); its data directory holds only caches.
 */
public final class LecternWorker implements AutoCloseable {

    private final DataDirectoryLock lock;
    private final Database database;
    private final ClusterNode node;
    private final ExecutorService trainingThreads;
    private final ScheduledExecutorService flusher;

    private LecternWorker(
            DataDirectoryLock lock,
            Database database,
            ClusterNode node,
            ExecutorService trainingThreads,
            ScheduledExecutorService flusher) {
        this.lock = lock;
        this.database = database;
        this.node = node;
        this.trainingThreads = trainingThreads;
        this.flusher = flusher;
    }

    /**
     * Runs the command until the JVM is stopped.
     *
     * @param args the flags
     * @param env the environment
     * @param err where errors go
     * @return the exit status
     */
    static int run(String[] args, Map<String, String> env, PrintStream err) {
        Settings settings;
        try {
            settings = new SettingsParser(env).parse(args);
            if (!settings.sharedStore()) {
                throw new IllegalArgumentException("a worker shares the web node's PostgreSQL database: set --jdbc-url "
                        + "jdbc:postgresql://HOST:PORT/DB?user=...&password=... (an H2 file belongs to one JVM)");
            }
            if (settings.concurrency() == 0) {
                throw new IllegalArgumentException("--concurrency 0 leaves a worker nothing to do; give 1 or more");
            }
        } catch (IllegalArgumentException e) {
            err.println("lectern worker: " + e.getMessage());
            return 2;
        }
        LecternWorker worker;
        try {
            worker = start(settings);
        } catch (RuntimeException e) {
            err.println("lectern worker: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            worker.close();
                            stopped.countDown();
                        },
                        "lectern-worker-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * Starts a worker.
     *
     * @param settings its settings
     * @return the running worker
     */
    public static LecternWorker start(Settings settings) {
        LecternServer.configureEngineDefaults();
        DeviceResolver devices = new DeviceResolver(Engine.getEngine("PyTorch"));
        try {
            devices.resolve(settings.device());
        } catch (dev.lectern.plugin.api.InvalidParameterException e) {
            throw new IllegalArgumentException("--device " + settings.device() + ": " + e.getMessage(), e);
        }
        LockedStore store = LockedStore.open(settings.dataDir(), settings.jdbcUrl());
        DataDirectoryLock lock = store.lock();
        Database database = store.database();
        try {
            Jdbc jdbc = new Jdbc(database.dataSource());
            Json json = new Json();
            PluginManager plugins = LecternServer.loadPlugins(settings);
            DatasetService datasets = LecternServer.datasets(settings);
            DatasetUploads uploads = new DatasetUploads(
                    new UploadRepository(jdbc), datasets, settings.uploadsDir(), settings.maxUploadBytes());
            uploads.registerAll();
            ScheduledExecutorService flusher = Executors.newScheduledThreadPool(1, r -> {
                Thread t = new Thread(r, "lectern-metrics-flush");
                t.setDaemon(true);
                return t;
            });
            ExecutorService trainingThreads = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "lectern-train");
                t.setDaemon(true);
                return t;
            });
            LiveHub hub = new LiveHub(json::write);
            ExperimentRepository runs = new ExperimentRepository(jdbc);
            ArtifactStore artifacts = new ArtifactStore(settings.artifactsDir(), jdbc);
            RunControls controls = new RunControls(
                    new RunEventsRepository(jdbc), new LiveViewsRepository(jdbc), json, hub, settings.pauseLimit());
            ExperimentRunner runner = new ExperimentRunner(
                    runs,
                    new MetricsRepository(jdbc),
                    artifacts,
                    plugins,
                    datasets,
                    devices,
                    hub,
                    json,
                    flusher,
                    new WatchedTraining(trainingThreads, settings.timeLimit()),
                    controls,
                    settings.name(),
                    uploads::registerFromStore);
            int interrupted = runs.interruptRunning(
                    settings.name(), "worker '" + settings.name() + "' stopped while this experiment was running");
            ClusterNode node = ClusterNode.join(
                    settings, database.dataSource(), jdbc, runs, plugins, devices, hub, false, runner, controls);
            System.out.printf(
                    "Lectern worker '%s' is training up to %d run(s) at once from %s%s%n",
                    settings.name(),
                    settings.concurrency(),
                    redacted(settings.jdbcUrl()),
                    interrupted > 0 ? " (" + interrupted + " run(s) it left RUNNING are INTERRUPTED)" : "");
            System.out.println("  " + devices.engine().describe());
            for (PluginStatus status : plugins.statuses()) {
                System.out.println("  plugin " + status.id()
                        + (status.isLoaded()
                                ? " "
                                        + status.plugin()
                                                .orElseThrow()
                                                .descriptor()
                                                .version()
                                : " FAILED: " + status.error().orElse("")));
            }
            return new LecternWorker(lock, database, node, trainingThreads, flusher);
        } catch (IOException | RuntimeException e) {
            database.close();
            lock.close();
            throw e instanceof IOException io ? new IllegalStateException(io.getMessage(), io) : (RuntimeException) e;
        }
    }

    /** The URL without its password, for the banner. */
    static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    /** This worker's node. */
    public ClusterNode node() {
        return node;
    }

    @Override
    public void close() {
        node.close();
        trainingThreads.shutdownNow();
        flusher.shutdownNow();
        database.close();
        lock.close();
    }
}
