package dev.lectern.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.datasets.gen.LinearData;
import dev.lectern.datasets.load.CsvFormat;
import dev.lectern.datasets.load.DatasetFormatException;
import dev.lectern.datasets.load.FileFormat;
import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.Table;
import dev.lectern.plugin.api.TrainingData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetServiceTest {

    @TempDir
    Path temp;

    private DatasetService service(DatasetCatalog catalog, Path mirror) {
        return new DatasetService(
                catalog, new DatasetResolver(Optional.of(mirror), temp.resolve("cache"), TestMirror.OFFLINE));
    }

    @Test
    void generatedDataSetNeedsNoFile() throws IOException {
        TrainingData data =
                service(DatasetCatalog.builtIn(), temp.resolve("empty")).load("linear-synthetic", FetchListener.NONE);

        assertThat(data.info().id()).isEqualTo("linear-synthetic");
        assertThat(data.table().values()).containsExactly(LinearData.synthetic().values());
    }

    @Test
    void fileIsParsedOnceAndEveryCallerGetsItsOwnValues() throws IOException {
        Path mirror = Files.createDirectory(temp.resolve("mirror"));
        Files.copy(TestMirror.dir().resolve("ex1data1.txt"), mirror.resolve("ex1data1.txt"));
        DatasetService service = service(DatasetCatalog.builtIn(), mirror);

        TrainingData first = service.load("ex1data1", FetchListener.NONE);
        first.table().values()[0] = -1000f;
        Files.delete(mirror.resolve("ex1data1.txt"));
        TrainingData second = service.load("ex1data1", FetchListener.NONE);

        assertThat(second.info())
                .isEqualTo(
                        DatasetCatalog.builtIn().find("ex1data1").orElseThrow().info());
        assertThat(second.table().rows()).isEqualTo(97);
        assertThat(second.table().values()[0]).isEqualTo(6.1101f);
    }

    @Test
    void unknownIdIsNamed() {
        assertThatThrownBy(() -> service(DatasetCatalog.builtIn(), temp).load("nope", FetchListener.NONE))
                .isInstanceOf(UnknownDatasetException.class)
                .hasMessage("unknown data set 'nope'");
    }

    @Test
    void unavailableFileNamesTheDataSetAndItsSources() {
        assertThatThrownBy(() -> service(DatasetCatalog.builtIn(), temp).load("ex2data1", FetchListener.NONE))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageStartingWith("data set 'ex2data1' is not available; tried: mirror ")
                .hasMessageContaining("(offline in tests)");
    }

    @Test
    void malformedFileFailsWithItsLineAndColumn() throws IOException {
        Path mirror = Files.createDirectory(temp.resolve("mirror"));
        Path file = Files.writeString(mirror.resolve("broken.csv"), "# fine\n1,2\n3,x\n");
        DatasetSpec spec = DatasetSpec.file(
                "broken",
                "Broken",
                DatasetKind.TABLE,
                List.of(new Column("a", ColumnRole.FEATURE), new Column("b", ColumnRole.LABEL)),
                "",
                "",
                "broken.csv",
                Checksums.sha256(file),
                List.of(),
                CsvFormat.DEFAULT);

        assertThatThrownBy(
                        () -> service(new DatasetCatalog(List.of(spec)), mirror).load("broken", FetchListener.NONE))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage("broken: line 3, column 2: 'x' is not a number");
    }

    @Test
    void timeSeriesTablesAreCopiedToo() throws IOException {
        DatasetService service = service(DatasetCatalog.builtIn(), TestMirror.dir());

        Table first = service.load("data-02-stock_daily", FetchListener.NONE).table();
        Table second = service.load("data-02-stock_daily", FetchListener.NONE).table();

        assertThat(first.values()).isNotSameAs(second.values()).containsExactly(second.values());
        assertThat(first.rows()).isEqualTo(732);
    }

    @Test
    void twoRunsStartingTogetherReadADataSetOnce() throws Exception {
        Path mirror = Files.createDirectory(temp.resolve("mirror"));
        Path file = Files.writeString(mirror.resolve("slow.csv"), "1,2\n");
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch bothAsked = new CountDownLatch(2);
        FileFormat slow = (path, info) -> {
            reads.incrementAndGet();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException();
            }
            return CsvFormat.DEFAULT.read(path, info);
        };
        DatasetSpec spec = DatasetSpec.file(
                "slow",
                "Slow",
                DatasetKind.TABLE,
                List.of(new Column("a", ColumnRole.FEATURE), new Column("b", ColumnRole.LABEL)),
                "",
                "",
                "slow.csv",
                Checksums.sha256(file),
                List.of(),
                slow);
        DatasetService service = service(new DatasetCatalog(List.of(spec)), mirror);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<TrainingData> load = () -> {
                bothAsked.countDown();
                bothAsked.await();
                return service.load("slow", FetchListener.NONE);
            };
            for (Future<TrainingData> result : pool.invokeAll(List.of(load, load))) {
                assertThat(result.get().table().rows()).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(reads).hasValue(1);
    }

    private static DatasetSpec uploaded(String id, Path file) throws IOException {
        return DatasetSpec.file(
                id,
                "Uploaded " + id,
                DatasetKind.TABLE,
                List.of(new Column("a", ColumnRole.FEATURE), new Column("b", ColumnRole.LABEL)),
                "",
                "",
                id + ".csv",
                Checksums.sha256(file),
                List.of(),
                CsvFormat.DEFAULT.withHeader());
    }

    @Test
    void registeredFilesJoinTheCatalogAfterTheBuiltInsAndLoadFromTheirOwnPath() throws IOException {
        DatasetService service = service(DatasetCatalog.builtIn(), temp.resolve("empty"));
        Path file = Files.writeString(temp.resolve("mine.csv"), "a,b\n1,2\n3,4\n");
        DatasetCatalog before = service.catalog();

        service.register(uploaded("mine", file), file);

        assertThat(before.find("mine")).as("an earlier snapshot is unchanged").isEmpty();
        assertThat(service.catalog().all()).last().extracting(DatasetSpec::id).isEqualTo("mine");
        assertThat(service.catalog().all())
                .hasSize(DatasetCatalog.builtIn().all().size() + 1);
        assertThat(service.catalog().ofKinds(java.util.Set.of(DatasetKind.TABLE)))
                .extracting(DatasetSpec::id)
                .contains("mine");
        assertThat(service.isRegistered("mine")).isTrue();
        assertThat(service.isBuiltIn("mine")).isFalse();
        TrainingData data = service.load("mine", FetchListener.NONE);
        assertThat(data.table().values()).containsExactly(1, 2, 3, 4);
        assertThat(service.knownRows("mine")).contains(2);
    }

    @Test
    void unregisteringRemovesTheEntryAndItsCachedData() throws IOException {
        DatasetService service = service(DatasetCatalog.builtIn(), temp.resolve("empty"));
        Path file = Files.writeString(temp.resolve("mine.csv"), "a,b\n1,2\n");
        service.register(uploaded("mine", file), file);
        service.load("mine", FetchListener.NONE);

        assertThat(service.unregister("mine")).isTrue();
        assertThat(service.unregister("mine")).isFalse();
        assertThat(service.catalog().find("mine")).isEmpty();
        assertThatThrownBy(() -> service.load("mine", FetchListener.NONE)).isInstanceOf(UnknownDatasetException.class);

        Files.writeString(file, "a,b\n5,6\n");
        service.register(uploaded("mine", file), file);
        assertThat(service.load("mine", FetchListener.NONE).table().values())
                .as("new content, not the cached one")
                .containsExactly(5, 6);
    }

    @Test
    void builtInIdsAndTakenIdsCannotBeRegisteredAndBuiltInsCannotBeRemoved() throws IOException {
        DatasetService service = service(DatasetCatalog.builtIn(), temp.resolve("empty"));
        Path file = Files.writeString(temp.resolve("x.csv"), "a,b\n1,2\n");
        service.register(uploaded("mine", file), file);

        assertThatThrownBy(() -> service.register(uploaded("xor", file), file))
                .hasMessage("data set id 'xor' is taken");
        assertThatThrownBy(() -> service.register(uploaded("mine", file), file))
                .hasMessage("data set id 'mine' is taken");
        assertThatThrownBy(() -> service.unregister("ex1data1")).hasMessage("data set 'ex1data1' is built in");
        assertThatThrownBy(() ->
                        service.register(DatasetCatalog.builtIn().find("xor").orElseThrow(), file))
                .hasMessageContaining("generated");
    }

    @Test
    void aDamagedOrMissingRegisteredFileFailsEveryLoadWithAClearMessage() throws IOException {
        DatasetService service = service(DatasetCatalog.builtIn(), temp.resolve("empty"));
        Path file = Files.writeString(temp.resolve("mine.csv"), "a,b\n1,2\n");
        service.register(uploaded("mine", file), file);
        service.load("mine", FetchListener.NONE);

        Files.writeString(file, "a,b\n1,3\n");
        assertThatThrownBy(() -> service.load("mine", FetchListener.NONE))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageStartingWith(
                        "data set 'mine' is not available: its file mine.csv is damaged (checksum mismatch")
                .hasMessageEndingWith("delete the data set and upload it again");
        Files.delete(file);
        assertThatThrownBy(() -> service.load("mine", FetchListener.NONE))
                .hasMessage("data set 'mine' is not available: its file mine.csv is missing; delete the data set and "
                        + "upload it again");
    }

    @Test
    void rowsAreKnownForGeneratedSetsAndLoadedFilesOnly() throws IOException {
        DatasetService service = service(DatasetCatalog.builtIn(), TestMirror.dir());

        assertThat(service.knownRows("three-blobs")).contains(300);
        assertThat(service.knownRows("ex1data1")).isEmpty();
        service.load("ex1data1", FetchListener.NONE);
        assertThat(service.knownRows("ex1data1")).contains(97);
        assertThat(service.knownRows("nope")).isEmpty();
    }
}
