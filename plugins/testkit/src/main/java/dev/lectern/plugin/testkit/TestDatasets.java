package dev.lectern.plugin.testkit;

import dev.lectern.datasets.DatasetCatalog;
import dev.lectern.datasets.DatasetResolver;
import dev.lectern.datasets.DatasetService;
import dev.lectern.datasets.FetchListener;
import dev.lectern.plugin.api.TrainingData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The real lecture data sets for plugin tests, resolved the way the server resolves them but never downloaded:
 * files come from the mirror (system property {@code lectern.datasetMirror}, which the build points at
 * {@code ../shared/datasets}) or the build's cache ({@code lectern.datasetCache}).
 */
public final class TestDatasets {

    private static volatile DatasetService service;

    private TestDatasets() {}

    /**
     * Loads a built-in data set.
     *
     * @param id the data set id, such as {@code ex1data1}
     * @return the loaded data
     * @throws UncheckedIOException when the data set is not in the mirror or cache
     */
    public static TrainingData load(String id) {
        try {
            return service().load(id, FetchListener.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the shared service, created on first use.
     *
     * @return the service
     */
    public static DatasetService service() {
        DatasetService s = service;
        if (s == null) {
            synchronized (TestDatasets.class) {
                if (service == null) {
                    service = new DatasetService(
                            DatasetCatalog.builtIn(),
                            new DatasetResolver(Optional.of(mirror()), cache(), (source, target, listener) -> {
                                throw new IOException("tests never download (" + source + ")");
                            }));
                }
                s = service;
            }
        }
        return s;
    }

    /**
     * Returns the mirror directory of real data sets, failing with advice when it is missing.
     *
     * @return the mirror
     */
    public static Path mirror() {
        String property = System.getProperty("lectern.datasetMirror");
        Path mirror = property != null ? Path.of(property) : Path.of("..", "..", "..", "shared", "datasets");
        if (!Files.isDirectory(mirror)) {
            throw new IllegalStateException("data set mirror not found at " + mirror.toAbsolutePath()
                    + "; pass -Dlectern.dataset.mirror=<dir> to Maven");
        }
        return mirror;
    }

    /**
     * Returns the folder where fetched data set files are cached, such as MNIST's IDX files under {@code mnist/}.
     *
     * @return the cache folder
     */
    public static Path cache() {
        String property = System.getProperty("lectern.datasetCache");
        return property != null ? Path.of(property) : Path.of("target", "dataset-cache");
    }
}
