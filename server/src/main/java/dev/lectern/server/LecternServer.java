package dev.lectern.server;

import ai.djl.engine.Engine;
import dev.lectern.datasets.DatasetCatalog;
import dev.lectern.datasets.DatasetResolver;
import dev.lectern.datasets.DatasetService;
import dev.lectern.server.account.UserCommand;
import dev.lectern.server.account.UserStore;
import dev.lectern.server.dataset.DatasetAccess;
import dev.lectern.server.dataset.DatasetUploads;
import dev.lectern.server.dataset.UploadRepository;
import dev.lectern.server.experiment.ArtifactStore;
import dev.lectern.server.experiment.ExperimentRepository;
import dev.lectern.server.experiment.ExperimentRunner;
import dev.lectern.server.experiment.ExperimentService;
import dev.lectern.server.experiment.LiveViewsRepository;
import dev.lectern.server.experiment.QueueQuota;
import dev.lectern.server.experiment.RunControls;
import dev.lectern.server.experiment.RunEventsRepository;
import dev.lectern.server.experiment.WatchedTraining;
import dev.lectern.server.http.HttpServer;
import dev.lectern.server.lesson.LessonRepository;
import dev.lectern.server.lesson.LessonService;
import dev.lectern.server.metrics.LiveHub;
import dev.lectern.server.metrics.MetricsRepository;
import dev.lectern.server.plugin.PluginManager;
import dev.lectern.server.plugin.PluginStatus;
import dev.lectern.server.session.SessionStore;
import dev.lectern.server.store.Database;
import dev.lectern.server.store.Jdbc;
import dev.lectern.server.store.MoveCommand;
import dev.lectern.server.sweep.SweepService;
import dev.lectern.server.worker.ClusterNode;
import dev.lectern.server.worker.WaitingReasons;
import dev.lectern.server.worker.WorkersController;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The composition root: builds every part in plain code, starts them, and stops them in reverse order. */
public final class LecternServer implements AutoCloseable {

    private final Settings settings;
    private final Database database;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService trainingThreads;
    private final DataDirectoryLock lock;
    private final ExperimentService experiments;
    private final PluginManager plugins;
    private final Javalin app;
    private final double startSeconds;
    private final String engine;
    private final ClusterNode node;

    private LecternServer(
            Settings settings,
            DataDirectoryLock lock,
            Database database,
            ScheduledExecutorService scheduler,
            ExecutorService trainingThreads,
            ExperimentService experiments,
            PluginManager plugins,
            Javalin app,
            double startSeconds,
            String engine,
            ClusterNode node) {
        this.node = node;
        this.settings = settings;
        this.lock = lock;
        this.database = database;
        this.scheduler = scheduler;
        this.trainingThreads = trainingThreads;
        this.experiments = experiments;
        this.plugins = plugins;
        this.app = app;
        this.startSeconds = startSeconds;
        this.engine = engine;
    }

    /**
     * Starts the server from command-line flags and environment variables.
     *
     * @param args the flags
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("user")) {
            System.exit(UserCommand.run(
                    java.util.Arrays.copyOfRange(args, 1, args.length),
                    System.getenv(),
                    System.in,
                    System.out,
                    System.err));
            return;
        }
        if (args.length > 0 && args[0].equals("worker")) {
            System.exit(
                    LecternWorker.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv(), System.err));
            return;
        }
        if (args.length > 0 && args[0].equals("move")) {
            System.exit(MoveCommand.run(
                    java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv(), System.out, System.err));
            return;
        }
        if (args.length > 0 && (args[0].equals("doctor") || args[0].equals("engine"))) {
            System.exit(check(args[0], java.util.Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        Settings settings;
        try {
            settings = new SettingsParser(System.getenv()).parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("lectern: " + e.getMessage());
            System.exit(2);
            return;
        }
        LecternServer server;
        try {
            server = start(settings);
        } catch (DeviceUnavailableException e) {
            System.err.println("lectern: " + e.getMessage());
            System.exit(2);
            return;
        } catch (IllegalStateException e) {
            System.err.println("lectern: " + e.getMessage());
            System.exit(1);
            return;
        }
        server.printBanner(System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "lectern-shutdown"));
    }

    /**
     * Runs {@code lectern doctor [--steps N] [flags]} (trains every bundled plugin on every device) or
     * {@code lectern engine} (prints the engine and devices only), with the server's flags for data sets and plugins.
     *
     * @param command doctor or engine
     * @param args the flags after it
     * @return the exit status
     */
    static int check(String command, String[] args) {
        int steps = dev.lectern.server.system.Doctor.DEFAULT_STEPS;
        List<String> rest = new java.util.ArrayList<>(List.of(args));
        int at = rest.indexOf("--steps");
        try {
            if (at >= 0) {
                if (at + 1 >= rest.size()) {
                    throw new IllegalArgumentException("--steps needs a number");
                }
                steps = Integer.parseInt(rest.get(at + 1));
                if (steps < 1) {
                    throw new IllegalArgumentException("--steps must be at least 1");
                }
                rest.subList(at, at + 2).clear();
            }
            Settings settings = new SettingsParser(System.getenv()).parse(rest.toArray(String[]::new));
            configureEngineDefaults();
            DeviceResolver devices = new DeviceResolver(Engine.getEngine("PyTorch"));
            if (command.equals("engine")) {
                System.out.println(devices.engine().describe());
                System.out.println(
                        "capabilities: " + String.join(", ", devices.engine().features()));
                return 0;
            }
            PluginManager plugins = loadPlugins(settings);
            DatasetService datasets = datasets(settings);
            return new dev.lectern.server.system.Doctor(plugins, datasets, devices, System.out, steps).run();
        } catch (NumberFormatException e) {
            System.err.println("lectern " + command + ": --steps needs a number, got " + rest.get(at + 1));
            return 2;
        } catch (IllegalArgumentException e) {
            System.err.println("lectern " + command + ": " + e.getMessage());
            return 2;
        }
    }

    /** The {@code --device} setting names a device this server cannot train on; the server does not start. */
    public static final class DeviceUnavailableException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        DeviceUnavailableException(String message) {
            super(message);
        }
    }

    /**
     * Starts every part of the server.
     *
     * @param settings the settings
     * @return the running server
     */
    public static LecternServer start(Settings settings) {
        long t0 = System.nanoTime();
        configureEngineDefaults();
        Engine pytorch = Engine.getEngine("PyTorch");
        DeviceResolver devices = new DeviceResolver(pytorch);
        try {
            devices.resolve(settings.device());
        } catch (dev.lectern.plugin.api.InvalidParameterException e) {
            // Before the data directory is locked: nothing is started, nothing to undo.
            throw new DeviceUnavailableException("--device " + settings.device() + ": " + e.getMessage());
        }
        LockedStore store = LockedStore.open(settings.dataDir(), settings.jdbcUrl());
        DataDirectoryLock lock = store.lock();
        Database database = store.database();
        Jdbc jdbc = new Jdbc(database.dataSource());
        Json json = new Json();
        String engine = devices.engine().describe()
                + String.format(
                        Locale.ROOT,
                        "; default device %s (%s)",
                        settings.device(),
                        DeviceResolver.name(devices.resolve(settings.device())));
        PluginManager plugins = loadPlugins(settings);
        DatasetService datasets = datasets(settings);
        DatasetUploads uploads = new DatasetUploads(
                new UploadRepository(jdbc), datasets, settings.uploadsDir(), settings.maxUploadBytes());
        try {
            uploads.registerAll();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot create the uploads directory " + settings.uploadsDir() + ": " + e.getMessage(), e);
        }
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "lectern-metrics-flush");
            t.setDaemon(true);
            return t;
        });
        LiveHub hub = new LiveHub(json::write);
        MetricsRepository metrics = new MetricsRepository(jdbc);
        ExecutorService trainingThreads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "lectern-train");
            t.setDaemon(true);
            return t;
        });
        ExperimentRepository runs = new ExperimentRepository(jdbc);
        UserStore users = new UserStore(jdbc);
        DatasetAccess datasetAccess = new DatasetAccess(uploads, users);
        ArtifactStore artifacts = new ArtifactStore(settings.artifactsDir(), jdbc);
        RunControls controls = new RunControls(
                new RunEventsRepository(jdbc), new LiveViewsRepository(jdbc), json, hub, settings.pauseLimit());
        storeLocalCopies(artifacts);
        plugins.busyWhen(runs::hasActiveRuns);
        ExperimentRunner runner = new ExperimentRunner(
                runs,
                metrics,
                artifacts,
                plugins,
                datasets,
                devices,
                hub,
                json,
                scheduler,
                new WatchedTraining(trainingThreads, settings.timeLimit()),
                controls,
                settings.name(),
                uploads::registerFromStore);
        ClusterNode node = ClusterNode.join(
                settings, database.dataSource(), jdbc, runs, plugins, devices, hub, true, runner, controls);
        ExperimentService experiments = new ExperimentService(
                runs,
                artifacts,
                plugins,
                datasets,
                devices,
                hub,
                json,
                settings.device(),
                node.queue(),
                new QueueQuota(runs, settings.maxQueued(), settings.maxQueuedPerUser(), settings.maxRunExamples()),
                datasetAccess.forRequester(),
                controls);
        experiments.explainWaiting(new WaitingReasons(node.registry(), settings.workerTimeout()));
        experiments.relayControls(settings.name(), node.controlRelay());
        if (settings.sharedStore()) {
            experiments.resolveDevicesWhereTrained();
        }
        experiments.recover(settings.sharedStore() ? settings.name() : null);
        SweepService sweeps = new SweepService(jdbc, experiments, json);
        Javalin app = HttpServer.start(
                settings,
                experiments,
                sweeps,
                metrics,
                plugins,
                datasets,
                uploads,
                hub,
                json,
                new SessionStore(jdbc, Clock.systemUTC()),
                users,
                datasetAccess,
                new LessonService(new LessonRepository(jdbc, json), experiments),
                devices,
                templates -> new WorkersController(
                        node.registry(), runs, settings.workerTimeout(), settings.sharedStore(), templates));
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new LecternServer(
                settings, lock, database, scheduler, trainingThreads, experiments, plugins, app, seconds, engine, node);
    }

    /** Runs trained before the database kept models' bytes get them stored now, for workers and other nodes. */
    static void storeLocalCopies(ArtifactStore artifacts) {
        try {
            int stored = artifacts.storeLocalCopies();
            if (stored > 0) {
                org.slf4j.LoggerFactory.getLogger(LecternServer.class)
                        .info("stored {} saved-model file(s) in the database", stored);
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot read the saved models under the data directory: " + e.getMessage(), e);
        }
    }

    /** Returns the port the server listens on (useful when started on port 0). */
    public int port() {
        return app.port();
    }

    /** Returns the plugins' load results. */
    public List<PluginStatus> plugins() {
        return plugins.statuses();
    }

    void printBanner(PrintStream out) {
        out.printf(
                Locale.ROOT,
                "Lectern is running at http://%s:%d/ (started in %.2f s; data in %s)%n",
                "0.0.0.0".equals(settings.host()) ? "127.0.0.1" : settings.host(),
                port(),
                startSeconds,
                settings.dataDir());
        out.println("  " + engine);
        for (PluginStatus status : plugins.statuses()) {
            if (status.isLoaded()) {
                var d = status.plugin().orElseThrow().descriptor();
                out.printf(Locale.ROOT, "  plugin %-20s %s %s%n", d.id(), d.version(), d.title());
            } else {
                out.printf(
                        Locale.ROOT,
                        "  plugin %-20s FAILED: %s%n",
                        status.id(),
                        status.error().orElse(""));
            }
        }
        if (plugins.statuses().isEmpty()) {
            out.println("  no plugins found in " + bundledPluginsDir() + " or " + settings.pluginsDir());
        }
    }

    /** Stops taking requests, stops the workers, and closes the database. */
    @Override
    public void close() {
        app.stop();
        experiments.close();
        node.close();
        trainingThreads.shutdownNow();
        scheduler.shutdownNow();
        database.close();
        lock.close();
    }

    /**
     * Sets DJL defaults before the engine loads, unless the operator set them: never download at run time, use
     * one intra-op thread per core and no inter-op pool (tiny lecture models lose time to thread hand-offs).
     */
    public static void configureEngineDefaults() {
        setDefault("ai.djl.offline", "true");
        setDefault("OPT_OUT_TRACKING", "true");
        setDefault(
                "ai.djl.pytorch.num_threads",
                Integer.toString(Runtime.getRuntime().availableProcessors()));
        setDefault("ai.djl.pytorch.num_interop_threads", "1");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** The bundled plugins, then the plugins folder's, loaded: what the server, a worker and doctor all train with. */
    static PluginManager loadPlugins(Settings settings) {
        PluginManager plugins = new PluginManager(
                LecternServer.class.getClassLoader(),
                List.of(bundledPluginsDir(), settings.pluginsDir()),
                List.of("bundled", "plugins folder"));
        plugins.loadAll();
        return plugins;
    }

    /** The built-in data sets, read through the settings' mirror and cache. */
    static DatasetService datasets(Settings settings) {
        return new DatasetService(
                DatasetCatalog.builtIn(), new DatasetResolver(settings.datasetMirror(), settings.datasetCacheDir()));
    }

    /** The plugins shipped with the server live in {@code plugins/} beside the jar (or beside target/classes). */
    public static Path bundledPluginsDir() {
        String override = System.getProperty("lectern.bundledPlugins");
        if (override != null) {
            return Path.of(override);
        }
        try {
            Path location = Path.of(LecternServer.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return location.getParent().resolve("plugins");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("plugins");
        }
    }
}
