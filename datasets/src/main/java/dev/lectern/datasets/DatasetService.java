package dev.lectern.datasets;

import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.Table;
import dev.lectern.plugin.api.TrainingData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads a catalog's data sets as training data: resolving, verifying and parsing files, or generating data.
 *
 * <p>Loaded data is kept in memory by id, since lecture data sets are small and experiments are re-run
 * often. Every call hands out its own copy of a table's values, because a plugin that scales its features
 * in place must not change the data the next experiment sees.
 */
public final class DatasetService {

    private final DatasetCatalog catalog;
    private final DatasetResolver resolver;
    private final ConcurrentHashMap<String, TrainingData> loaded = new ConcurrentHashMap<>();

    /**
     * Creates the service.
     *
     * @param catalog the data sets it knows
     * @param resolver finds their files
     */
    public DatasetService(DatasetCatalog catalog, DatasetResolver resolver) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /**
     * Returns the catalog the service loads from.
     *
     * @return the catalog
     */
    public DatasetCatalog catalog() {
        return catalog;
    }

    /**
     * Loads a data set, fetching and verifying its file on first use.
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
        TrainingData data = loaded.get(id);
        if (data == null) {
            // Two first loads at once may both read; the data is identical, and the resolver serialises fetches.
            data = read(spec, listener);
            TrainingData raced = loaded.putIfAbsent(id, data);
            data = raced == null ? data : raced;
        }
        return ownCopy(data);
    }

    private TrainingData read(DatasetSpec spec, FetchListener listener) throws IOException {
        if (spec.generated()) {
            return spec.generator().generate(spec.info());
        }
        Path file = resolver.resolve(spec, listener);
        return spec.format().read(file, spec.info());
    }

    private static TrainingData ownCopy(TrainingData data) {
        DatasetKind kind = data.info().kind();
        if (kind != DatasetKind.TABLE && kind != DatasetKind.TIME_SERIES) {
            return data;
        }
        Table table = data.table();
        return TrainingData.of(data.info(), new Table(table.columns(), table.rows(), table.values().clone()));
    }
}
