package dev.lectern.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lectern.plugin.api.DataFacts;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.LabelKind;
import dev.lectern.plugin.api.TrainingData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in data set declares its facts (features, rows, label) so that a plugin's data requirements can be
 * checked without fetching a file; these tests load the real data (the shared mirror's lecture files, the generators)
 * and compute the facts from it, so a declaration cannot drift from the data. MNIST's are checked in
 * {@code MnistTest}, which fetches it.
 */
class CatalogFactsTest {

    @TempDir
    static Path cache;

    static Stream<String> everyDataSetButMnist() {
        return DatasetCatalog.builtIn().all().stream().map(DatasetSpec::id).filter(id -> !id.equals("mnist"));
    }

    @ParameterizedTest
    @MethodSource("everyDataSetButMnist")
    void theDeclaredFactsAreThoseOfTheLoadedData(String id) throws IOException {
        DatasetSpec spec = DatasetCatalog.builtIn().find(id).orElseThrow();
        DataFacts declared = spec.info().facts();
        DataFacts found = computed(service().load(id, FetchListener.NONE));

        assertThat(declared.known()).as("%s declares its facts", id).isTrue();
        assertThat(declared.features()).as("%s features", id).isEqualTo(found.features());
        assertThat(declared.rows()).as("%s rows", id).isEqualTo(found.rows());
        assertThat(declared.label()).as("%s label kind", id).isEqualTo(found.label());
        assertThat(declared.classes()).as("%s classes", id).isEqualTo(found.classes());
        if (found.label() == LabelKind.CONTINUOUS) {
            double scale = Math.max(1, Math.abs(found.max() - found.min()));
            assertThat(declared.min()).as("%s label min", id).isCloseTo(found.min(), within(1e-5 * scale));
            assertThat(declared.max()).as("%s label max", id).isCloseTo(found.max(), within(1e-5 * scale));
        }
    }

    @Test
    void theLectureFilesReadAsTheLecturesUseThem() throws IOException {
        DatasetService service = service();

        DataFacts ex2data1 = computed(service.load("ex2data1", FetchListener.NONE));
        assertThat(ex2data1.label()).isEqualTo(LabelKind.BINARY);
        assertThat(ex2data1.classes()).containsExactly(0, 1);
        assertThat(ex2data1.features()).isEqualTo(2);
        assertThat(ex2data1.rows()).isEqualTo(100);

        DataFacts ex1data1 = computed(service.load("ex1data1", FetchListener.NONE));
        assertThat(ex1data1.label()).isEqualTo(LabelKind.CONTINUOUS);
        assertThat(ex1data1.min()).isCloseTo(-2.6807, within(1e-5));
        assertThat(ex1data1.max()).isCloseTo(24.147, within(1e-4));
        assertThat(ex1data1.describe()).isEqualTo("a continuous label from -2.681 to 24.15");

        DataFacts blobs = computed(service.load("three-blobs", FetchListener.NONE));
        assertThat(blobs.label()).isEqualTo(LabelKind.CLASSES);
        assertThat(blobs.classes()).containsExactly(0, 1, 2);
        assertThat(blobs.describe()).isEqualTo("3 classes (0, 1, 2)");

        DataFacts zoo = computed(service.load("data-04-zoo", FetchListener.NONE));
        assertThat(zoo.classCount()).isEqualTo(7);
        assertThat(zoo.features()).isEqualTo(16);

        // 25 rows of whole-number scores with 18 distinct values: a regression target, not 18 classes.
        DataFacts scores = computed(service.load("data-01-test-score", FetchListener.NONE));
        assertThat(scores.label()).isEqualTo(LabelKind.CONTINUOUS);
        assertThat(scores.min()).isEqualTo(101);
        assertThat(scores.max()).isEqualTo(196);

        DataFacts shakespeare = computed(service.load("tinyshakespeare", FetchListener.NONE));
        assertThat(shakespeare.label()).isEqualTo(LabelKind.NONE);
        assertThat(shakespeare.rows()).isEqualTo(1_115_394);
    }

    private static DataFacts computed(TrainingData data) {
        DatasetKind kind = data.info().kind();
        if (kind == DatasetKind.TEXT) {
            return DataFacts.unlabelled(0, data.text().length());
        }
        return DataFacts.of(data.table());
    }

    private static DatasetService service() {
        return new DatasetService(
                DatasetCatalog.builtIn(),
                new DatasetResolver(Optional.of(TestMirror.dir()), cache.resolve("c"), TestMirror.OFFLINE));
    }

    @Test
    void everyKindHasItsFacts() {
        List<DatasetSpec> all = DatasetCatalog.builtIn().all();
        assertThat(all)
                .allSatisfy(spec ->
                        assertThat(spec.info().facts().known()).as(spec.id()).isTrue());
        assertThat(DatasetCatalog.builtIn().find("mnist").orElseThrow().info().facts())
                .isEqualTo(DataFacts.classes(784, 70_000, List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)));
    }
}
