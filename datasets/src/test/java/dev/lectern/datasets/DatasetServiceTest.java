package dev.lectern.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.datasets.gen.LinearData;
import dev.lectern.datasets.load.CsvFormat;
import dev.lectern.datasets.load.DatasetFormatException;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetServiceTest {

    @TempDir
    Path temp;

    private DatasetService service(DatasetCatalog catalog, Path mirror) {
        return new DatasetService(catalog, new DatasetResolver(Optional.of(mirror), temp.resolve("cache"), TestMirror.OFFLINE));
    }

    @Test
    void generatedDataSetNeedsNoFile() throws IOException {
        TrainingData data = service(DatasetCatalog.builtIn(), temp.resolve("empty")).load("linear-synthetic", FetchListener.NONE);

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

        assertThat(second.info()).isEqualTo(DatasetCatalog.builtIn().find("ex1data1").orElseThrow().info());
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
        DatasetSpec spec = DatasetSpec.file("broken", "Broken", DatasetKind.TABLE,
                List.of(new Column("a", ColumnRole.FEATURE), new Column("b", ColumnRole.LABEL)), "", "",
                "broken.csv", Checksums.sha256(file), List.of(), CsvFormat.DEFAULT);

        assertThatThrownBy(() -> service(new DatasetCatalog(List.of(spec)), mirror).load("broken", FetchListener.NONE))
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
}
