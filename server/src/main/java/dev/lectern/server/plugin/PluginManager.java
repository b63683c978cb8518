package dev.lectern.server.plugin;

import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.PluginApi;
import dev.lectern.plugin.api.PluginDescriptor;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds lecture plugins on the server's class path and in plugin directories. A plugin directory holds one
 * sub-directory per plugin with its jars (or single jars directly); each gets its own {@link PluginClassLoader}.
 * A plugin that cannot load is recorded as failed with its reason and the rest keep working.
 */
public final class PluginManager {

    private static final Logger LOG = LoggerFactory.getLogger(PluginManager.class);
    private static final String CLASSPATH = "classpath";
    /** The plugin API version a plugin jar was built against, written by the plugin's build into its manifest. */
    public static final String API_VERSION_ATTRIBUTE = "Lectern-Plugin-Api-Version";

    private final ClassLoader serverLoader;
    private final List<Path> directories;
    private final Map<String, String> fingerprints = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Predicate<String> busy = id -> false;
    private final List<String> labels;
    private volatile List<PluginStatus> statuses = List.of();

    /**
     * Creates a manager.
     *
     * @param serverLoader the loader holding the plugin API, DJL and the server
     * @param directories plugin directories, scanned in order; missing ones are skipped
     */
    public PluginManager(ClassLoader serverLoader, List<Path> directories) {
        this(
                serverLoader,
                directories,
                directories.stream().map(d -> "plugins folder").toList());
    }

    /**
     * Creates a manager whose folders are shown by name, never by their paths on this server.
     *
     * @param serverLoader the loader holding the plugin API, DJL and the server
     * @param directories plugin directories, scanned in order; missing ones are skipped
     * @param labels what to call each directory in answers to people ("bundled", "plugins folder")
     */
    public PluginManager(ClassLoader serverLoader, List<Path> directories, List<String> labels) {
        if (labels.size() != directories.size()) {
            throw new IllegalArgumentException("one label per plugin directory");
        }
        this.serverLoader = serverLoader;
        this.directories = List.copyOf(directories);
        this.labels = List.copyOf(labels);
    }

    /**
     * Where a plugin came from, for people: "classpath", or its folder's label and its own name in it, never the
     * server's paths.
     *
     * @param status a load result
     * @return the shown source
     */
    public String shownSource(PluginStatus status) {
        return withoutPaths(status.source());
    }

    /**
     * Why a plugin failed to load, with the plugin folders' paths replaced by their labels.
     *
     * @param status a load result
     * @return the shown reason, empty when it loaded
     */
    public Optional<String> shownError(PluginStatus status) {
        return status.error().map(this::withoutPaths);
    }

    private String withoutPaths(String text) {
        String shown = text;
        for (int i = 0; i < directories.size(); i++) {
            Path dir = directories.get(i).toAbsolutePath().normalize();
            shown = shown.replace(dir + java.io.File.separator, labels.get(i) + "/")
                    .replace(dir.toString(), labels.get(i));
        }
        return shown;
    }

    /**
     * Tells rescans which plugins have runs queued or training, whose classes a rebuilt jar must not replace yet.
     *
     * @param busy whether a plugin (by id) has active runs
     */
    public void busyWhen(Predicate<String> busy) {
        this.busy = busy;
    }

    /** The jars' names, sizes and content hashes: a rebuilt jar differs even within the same second. */
    private static String fingerprint(Path source) {
        try {
            StringBuilder print = new StringBuilder();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (URL url : jarsOf(source)) {
                Path jar = Path.of(url.toURI());
                print.append(jar.getFileName())
                        .append(':')
                        .append(Files.size(jar))
                        .append(':')
                        .append(HexFormat.of().formatHex(sha.digest(Files.readAllBytes(jar))))
                        .append(';');
            }
            return print.toString();
        } catch (IOException | URISyntaxException | java.security.NoSuchAlgorithmException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /** Loads every plugin; call once at start-up. */
    public synchronized void loadAll() {
        statuses = scan(List.of());
    }

    /**
     * Looks at the plugin directories again: loads sources added since the last scan, retries sources that failed,
     * drops plugins whose source is gone, and reloads a plugin whose jar was rebuilt unless it has runs queued or
     * training (each status's note says which were reloaded, and why one was not).
     *
     * @return the new statuses
     */
    public synchronized List<PluginStatus> rescan() {
        statuses = scan(statuses);
        return statuses;
    }

    private List<PluginStatus> scan(List<PluginStatus> previous) {
        Map<String, PluginStatus> byId = new LinkedHashMap<>();
        List<PluginStatus> failures = new ArrayList<>();
        List<PluginStatus> classpath =
                previous.stream().filter(s -> s.source().equals(CLASSPATH)).toList();
        if (previous.isEmpty()) {
            register(CLASSPATH, serverLoader, byId, failures);
        } else {
            keep(classpath, byId, failures);
        }
        for (Path directory : directories) {
            for (Path source : sources(directory, failures)) {
                List<PluginStatus> loaded = previous.stream()
                        .filter(s -> s.source().equals(source.toString()) && s.isLoaded())
                        .toList();
                String now = fingerprint(source);
                boolean rebuilt = !loaded.isEmpty() && !now.equals(fingerprints.get(source.toString()));
                if (rebuilt) {
                    List<String> active =
                            loaded.stream().map(PluginStatus::id).filter(busy).toList();
                    if (!active.isEmpty()) {
                        // Its classes serve runs now: swapping them mid-run would mix two builds in one run.
                        keep(
                                loaded.stream()
                                        .map(st -> st.noted("its jar changed, but " + String.join(", ", active)
                                                + " has runs queued or training; rescan again once they end"))
                                        .toList(),
                                byId,
                                failures);
                        continue;
                    }
                } else if (!loaded.isEmpty()) {
                    keep(loaded.stream().map(st -> st.noted(null)).toList(), byId, failures);
                    continue;
                }
                try {
                    URL[] jars = jarsOf(source);
                    checkManifests(source);
                    ClassLoader loader = new PluginClassLoader("plugin:" + source.getFileName(), jars, serverLoader);
                    int before = byId.size();
                    register(source.toString(), loader, byId, failures);
                    fingerprints.put(source.toString(), now);
                    if (rebuilt) {
                        byId.replaceAll((id, st) -> st.source().equals(source.toString())
                                ? st.noted("reloaded: its jar changed since it was loaded")
                                : st);
                        LOG.info(
                                "plugin from {} reloaded: its jar changed ({} plugin(s))",
                                source,
                                byId.size() - before);
                    }
                } catch (IOException | RuntimeException e) {
                    failures.add(PluginStatus.failed(
                            source.toString(), source.getFileName().toString(), reason(e)));
                }
            }
        }
        List<PluginStatus> all = new ArrayList<>(byId.values());
        all.addAll(failures);
        failures.stream()
                .filter(f -> !previous.contains(f))
                .forEach(f -> LOG.warn(
                        "plugin from {} failed to load: {}",
                        f.source(),
                        f.error().orElse("")));
        return List.copyOf(all);
    }

    private static void keep(List<PluginStatus> kept, Map<String, PluginStatus> byId, List<PluginStatus> failures) {
        for (PluginStatus status : kept) {
            if (!status.isLoaded()) {
                failures.add(status);
            } else if (byId.containsKey(status.id())) {
                failures.add(PluginStatus.failed(
                        status.source(),
                        status.id(),
                        "plugin id '" + status.id() + "' is already taken by "
                                + byId.get(status.id()).source()));
            } else {
                byId.put(status.id(), status);
            }
        }
    }

    /**
     * Refuses a plugin built for another major version of the API before any of its classes load, so the reason is
     * a clear sentence rather than a linkage error from a changed interface.
     */
    private static void checkManifests(Path source) throws IOException {
        for (URL url : jarsOf(source)) {
            Path jar;
            try {
                jar = Path.of(url.toURI());
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
            try (JarFile file = new JarFile(jar.toFile())) {
                Manifest manifest = file.getManifest();
                String version =
                        manifest == null ? null : manifest.getMainAttributes().getValue(API_VERSION_ATTRIBUTE);
                String why = version == null ? null : PluginApi.incompatibility(version);
                if (why != null) {
                    throw new IllegalArgumentException(jar.getFileName() + " was built for plugin API " + version
                            + " but this server provides " + PluginApi.VERSION + " (" + why + ")");
                }
            }
        }
    }

    /** Returns every plugin's load status, loaded ones first. */
    public List<PluginStatus> statuses() {
        return statuses;
    }

    /** Returns the loaded plugins. */
    public List<LecturePlugin> plugins() {
        return statuses.stream().flatMap(s -> s.plugin().stream()).toList();
    }

    /** Finds a loaded plugin by id. */
    public Optional<LecturePlugin> find(String id) {
        return statuses.stream()
                .filter(s -> s.id().equals(id))
                .flatMap(s -> s.plugin().stream())
                .findFirst();
    }

    private void register(
            String source, ClassLoader loader, Map<String, PluginStatus> byId, List<PluginStatus> failures) {
        int before = byId.size() + failures.size();
        ServiceLoader<LecturePlugin> services = ServiceLoader.load(LecturePlugin.class, loader);
        var iterator = services.stream().iterator();
        while (true) {
            ServiceLoader.Provider<LecturePlugin> provider;
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                provider = iterator.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                failures.add(PluginStatus.failed(source, nameOf(source), reason(e)));
                continue;
            }
            // A plugin directory must contribute its own classes, never a provider resolved from another loader.
            if (loader != serverLoader && provider.type().getClassLoader() != loader) {
                continue;
            }
            String name = provider.type().getName();
            try {
                LecturePlugin plugin = new ClassLoaderSafeLecturePlugin(provider.get());
                PluginDescriptor descriptor = plugin.descriptor();
                checkApiVersion(descriptor);
                plugin.hyperParameters();
                if (plugin.datasetKinds().isEmpty()) {
                    throw new IllegalArgumentException("declares no data set kinds");
                }
                if (byId.containsKey(descriptor.id())) {
                    failures.add(PluginStatus.failed(
                            source,
                            descriptor.id(),
                            "plugin id '" + descriptor.id() + "' is already taken by "
                                    + byId.get(descriptor.id()).source()));
                    continue;
                }
                byId.put(descriptor.id(), PluginStatus.loaded(source, plugin));
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                failures.add(PluginStatus.failed(source, name, reason(e)));
            }
        }
        if (loader != serverLoader && byId.size() + failures.size() == before) {
            failures.add(PluginStatus.failed(
                    source,
                    nameOf(source),
                    "no plugin found: the jars list no META-INF/services/" + LecturePlugin.class.getName()));
        }
    }

    private static void checkApiVersion(PluginDescriptor descriptor) {
        String why = PluginApi.incompatibility(descriptor.apiVersion());
        if (why != null) {
            throw new IllegalArgumentException("plugin '" + descriptor.id() + "' was built for plugin API "
                    + descriptor.apiVersion() + " but this server provides " + PluginApi.VERSION + " (" + why + ")");
        }
    }

    private static List<Path> sources(Path directory, List<PluginStatus> failures) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(directory)) {
            return children.filter(p -> Files.isDirectory(p) || p.toString().endsWith(".jar"))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            failures.add(PluginStatus.failed(
                    directory.toString(), directory.getFileName().toString(), reason(e)));
            return List.of();
        }
    }

    private static URL[] jarsOf(Path source) throws IOException {
        List<Path> jars;
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.list(source)) {
                jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            }
        } else {
            jars = List.of(source);
        }
        if (jars.isEmpty()) {
            throw new IOException("no .jar files in " + source);
        }
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IOException(e);
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static String nameOf(String source) {
        return Path.of(source).getFileName().toString();
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        boolean ours = root instanceof IllegalArgumentException || root instanceof IllegalStateException;
        String message = root.getMessage() == null
                ? root.getClass().getSimpleName()
                : ours ? root.getMessage() : root.getClass().getSimpleName() + ": " + root.getMessage();
        String top = e.getMessage() == null || root == e ? "" : e.getMessage() + " — caused by ";
        return top + message;
    }
}
