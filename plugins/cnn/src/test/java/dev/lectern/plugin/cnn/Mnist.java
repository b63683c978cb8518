package dev.lectern.plugin.cnn;

import dev.lectern.datasets.DatasetCatalog;
import dev.lectern.datasets.DatasetResolver;
import dev.lectern.datasets.DatasetService;
import dev.lectern.datasets.FetchListener;
import dev.lectern.plugin.api.TrainingData;
import java.nio.file.Path;
import java.util.Optional;

/** Real MNIST through the catalog, the way the server loads it; the resolved files are cached under the build directory. */
final class Mnist {

    static TrainingData load() throws Exception {
        String cache = System.getProperty("lectern.datasetCache", "target/dataset-cache");
        String mirror = System.getProperty("lectern.datasetMirror");
        Optional<Path> mirrorPath = mirror == null ? Optional.empty() : Optional.of(Path.of(mirror));
        return new DatasetService(DatasetCatalog.builtIn(), new DatasetResolver(mirrorPath, Path.of(cache)))
                .load("mnist", FetchListener.NONE);
    }

    private Mnist() {}
}
