package dev.lectern.datasets;

import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.Table;
import dev.lectern.plugin.api.TrainingData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads data sets as training data: resolving, verifying and parsing files, or generating data.
 *
 * <p>The service knows a fixed catalog of built-in data sets and any number of registered ones, such as the CSV
 * files people upload. A registered data set is file-backed and read from a local path of its own rather than the
 * mirror, cache or a download; its SHA-256 is checked on every load, so a file damaged on disk is never trained
 * on. {@link #catalog()} returns both, built-ins first.
 *
 * <p>Loaded data is kept in memory by id, since lecture data sets are small and experiments are re-run
 * often; a data set is loaded by one caller at a time, so two runs starting together on MNIST (55 MB) read it
 * once. Every call hands out its own copy of a table's values, because a plugin that scales its features
 * in place must not change the data the next experiment sees. Images are shared, not copied, to keep one
 * MNIST in memory however many runs use it: their byte arrays must be treated as read-only.
 */
public final class DatasetService {

    private final DatasetCatalog builtIn;
    private final DatasetResolver resolver;
    private final Object registry = new Object();
    // Guarded by registry; insertion order is display order.
    private final Map<String, Registered> registered = new LinkedHashMap<>();
    // A new immutable snapshot after every change, so readers never lock.
    private volatile DatasetCatalog catalog;
    private final ConcurrentHashMap<String, Loaded> loaded = new ConcurrentHashMap<>();
    // One lock per id, held while a data set is read: a second caller waits and then finds it loaded.
    private final ConcurrentHashMap<String, Object> loading = new ConcurrentHashMap<>();

    private record Registered(DatasetSpec spec, Path file) {}

    private record Loaded(DatasetSpec spec, TrainingData data) {}

    /**
     * Creates the service.
     *
     * @param builtIn the data sets that are always there
     * @param resolver finds their files
     */
    public DatasetService(DatasetCatalog builtIn, DatasetResolver resolver) {
        this.builtIn = Objects.requireNonNull(builtIn, "builtIn");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.catalog = builtIn;
    }

    /**
     * Returns every data set known now: the built-ins, then the registered ones in registration order. The catalog
     * is a snapshot; call again to see later registrations.
     *
     * @return the current catalog
     */
    public DatasetCatalog catalog() {
        return catalog;
    }

    /**
     * Returns whether an id names a built-in data set, which can be neither registered over nor unregistered.
     *
     * @param id the id
     * @return true for built-ins
     */
    public boolean isBuiltIn(String id) {
        return builtIn.find(id).isPresent();
    }

    /**
     * Returns whether an id names a registered data set.
     *
     * @param id the id
     * @return true when {@link #register} added it and {@link #unregister} has not removed it
     */
    public boolean isRegistered(String id) {
        synchronized (registry) {
            return registered.containsKey(id);
        }
    }

    /**
     * Adds a file-backed data set read from a local file, such as an upload.
     *
     * @param spec a file-backed spec; its {@code sha256} is checked against the file on every load and its
     *        download URLs are ignored
     * @param file the file
     * @throws IllegalArgumentException when the spec is generated, or its id is taken
     */
    public void register(DatasetSpec spec, Path file) {
        Objects.requireNonNull(file, "file");
        if (spec.generated()) {
            throw new IllegalArgumentException("data set '" + spec.id() + "' is generated; only files are registered");
        }
        synchronized (registry) {
            if (isBuiltIn(spec.id()) || registered.containsKey(spec.id())) {
                throw new IllegalArgumentException("data set id '" + spec.id() + "' is taken");
            }
            registered.put(spec.id(), new Registered(spec, file.toAbsolutePath().normalize()));
            republish();
        }
    }

    /**
     * Removes a registered data set; its file is left alone.
     *
     * @param id the id
     * @return whether it was registered
     * @throws IllegalArgumentException when the id names a built-in data set
     */
    public boolean unregister(String id) {
        if (isBuiltIn(id)) {
            throw new IllegalArgumentException("data set '" + id + "' is built in");
        }
        synchronized (registry) {
            boolean removed = registered.remove(id) != null;
            if (removed) {
                republish();
            }
            loaded.remove(id);
            return removed;
        }
    }

    /**
     * Loads a data set, fetching and verifying its files on first use.
     *
     * <p>For an image data set such as {@code mnist}, {@code load("mnist", listener).images()} returns the training
     * and test parts; their arrays are shared between callers and must not be modified.
     *
     * @param id the data set's id
     * @param listener receives fetch progress
     * @return the data, with a table of its own for table kinds
     * @throws UnknownDatasetException when the catalog has no such id
     * @throws DatasetUnavailableException when no source supplies a verified file
     * @throws dev.lectern.datasets.load.DatasetFormatException when the file does not parse
     * @throws IOException when a file cannot be read
     */
    public TrainingData load(String id, FetchListener listener) throws IOException {
        DatasetSpec spec = catalog.find(id).orElseThrow(() -> new UnknownDatasetException(id));
        Optional<Path> local = localFile(id);
        if (local.isPresent()) {
            verify(spec, local.get());
        }
        Loaded cached = loaded.get(id);
        if (cached == null || !cached.spec().equals(spec)) {
            synchronized (loading.computeIfAbsent(id, k -> new Object())) {
                cached = loaded.get(id);
                if (cached == null || !cached.spec().equals(spec)) {
                    TrainingData data =
                            local.isPresent() ? spec.format().read(local.get(), spec.info()) : read(spec, listener);
                    cached = new Loaded(spec, data);
                    loaded.put(id, cached);
                }
            }
        }
        return ownCopy(cached.data());
    }

    /**
     * Returns the rows of a table data set when they are known without reading a file: for generated data
     * sets, and for any data set loaded before.
     *
     * @param id the data set's id
     * @return the row count, or empty when it is not known yet
     */
    public Optional<Integer> knownRows(String id) {
        Optional<DatasetSpec> spec = catalog.find(id);
        if (spec.isEmpty()
                || (spec.get().kind() != DatasetKind.TABLE && spec.get().kind() != DatasetKind.TIME_SERIES)) {
            return Optional.empty();
        }
        Loaded cached = loaded.get(id);
        if (cached != null && cached.spec().equals(spec.get())) {
            return Optional.of(cached.data().table().rows());
        }
        if (spec.get().generated()) {
            try {
                return Optional.of(load(id, FetchListener.NONE).table().rows());
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Optional<Path> localFile(String id) {
        synchronized (registry) {
            return Optional.ofNullable(registered.get(id)).map(Registered::file);
        }
    }

    private void republish() {
        List<DatasetSpec> specs = new ArrayList<>(builtIn.all());
        registered.values().forEach(r -> specs.add(r.spec()));
        catalog = new DatasetCatalog(specs);
    }

    private static void verify(DatasetSpec spec, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new DatasetUnavailableException(
                    spec.id(),
                    "its file " + file.getFileName() + " is missing; delete the data set and upload it again");
        }
        String found = Checksums.sha256(file);
        if (!found.equals(spec.sha256())) {
            throw new DatasetUnavailableException(
                    spec.id(),
                    "its file " + file.getFileName() + " is damaged (" + FetchFailures.mismatch(spec.sha256(), found)
                            + "); delete the data set and upload it again");
        }
    }

    private TrainingData read(DatasetSpec spec, FetchListener listener) throws IOException {
        if (spec.generated()) {
            return spec.generator().generate(spec.info());
        }
        return spec.format().read(resolver.resolveAll(spec, listener), spec.info());
    }

    private static TrainingData ownCopy(TrainingData data) {
        DatasetKind kind = data.info().kind();
        if (kind != DatasetKind.TABLE && kind != DatasetKind.TIME_SERIES) {
            return data;
        }
        Table table = data.table();
        return TrainingData.of(
                data.info(),
                new Table(table.columns(), table.rows(), table.values().clone()));
    }
}
