package dev.lectern.plugin.mlp;

import dev.lectern.datasets.DatasetCatalog;
import dev.lectern.datasets.DatasetResolver;
import dev.lectern.datasets.DatasetService;
import dev.lectern.datasets.FetchListener;
import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.Table;
import dev.lectern.plugin.api.TrainingData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Data for the tests: the catalog's data sets through the mirror and the build's cache, and a tiny noisy XOR table. */
final class MlpTestData {

    private MlpTestData() {}

    /** Loads a built-in data set the way the server does, from the mirror or the cache; tests never download. */
    static TrainingData load(String id) throws IOException {
        String mirror = System.getProperty("lectern.datasetMirror");
        String cache = System.getProperty("lectern.datasetCache");
        DatasetService service = new DatasetService(
                DatasetCatalog.builtIn(),
                new DatasetResolver(
                        Optional.of(Path.of(mirror != null ? mirror : "../../../shared/datasets")),
                        Path.of(cache != null ? cache : "target/dataset-cache"),
                        (source, target, listener) -> {
                            throw new IOException("tests never download (" + source + ")");
                        }));
        return service.load(id, FetchListener.NONE);
    }

    /** {@code perCorner} jittered points around each XOR corner, class = x1 XOR x2. */
    static TrainingData noisyXor(int perCorner, long seed) {
        Random random = new Random(seed);
        int rows = 4 * perCorner;
        float[] values = new float[rows * 3];
        int r = 0;
        for (int corner = 0; corner < 4; corner++) {
            int a = corner / 2;
            int b = corner % 2;
            for (int i = 0; i < perCorner; i++, r++) {
                values[3 * r] = (float) (a + 0.1 * random.nextGaussian());
                values[3 * r + 1] = (float) (b + 0.1 * random.nextGaussian());
                values[3 * r + 2] = a ^ b;
            }
        }
        List<Column> columns = List.of(
                new Column("x1", ColumnRole.FEATURE),
                new Column("x2", ColumnRole.FEATURE),
                new Column("y", ColumnRole.LABEL));
        DatasetInfo info = new DatasetInfo("noisy-xor", "Noisy XOR", DatasetKind.TABLE, columns, "test data");
        return TrainingData.of(info, new Table(columns, rows, values));
    }
}
