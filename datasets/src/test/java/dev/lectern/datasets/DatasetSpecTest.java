package dev.lectern.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.datasets.load.CsvFormat;
import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetSpecTest {

    private static final String SHA = "e69559fac1a2f68f704222629e603299bfa8aabfd88e81225e52e125484764a0";
    private static final List<Column> COLUMNS = List.of(new Column("x", ColumnRole.FEATURE));

    private static DatasetSpec withFile(String fileName, String sha) {
        return DatasetSpec.file(
                "demo",
                "Demo",
                DatasetKind.TABLE,
                COLUMNS,
                "about",
                "terms",
                fileName,
                sha,
                List.of(URI.create("https://example.org/demo.csv")),
                CsvFormat.DEFAULT);
    }

    @Test
    void infoCarriesTheDisplayFields() {
        assertThat(withFile("demo.csv", SHA).info())
                .isEqualTo(new DatasetInfo("demo", "Demo", DatasetKind.TABLE, COLUMNS, "about"));
        assertThat(withFile("tinyshakespeare/input.txt", SHA).fileName()).isEqualTo("tinyshakespeare/input.txt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../demo.csv", "/etc/passwd", "a/../../b", ".hidden", "a//b", "a\\b", "", "a/"})
    void fileNamesThatCouldLeaveTheCacheAreRejected(String fileName) {
        assertThatThrownBy(() -> withFile(fileName, SHA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid file name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"E69559FAC1A2F68F704222629E603299BFA8AABFD88E81225E52E125484764A0", "abc", ""})
    void checksumsMustBeLowerCaseSha256Hex(String sha) {
        assertThatThrownBy(() -> withFile("demo.csv", sha)).hasMessageContaining("SHA-256");
    }

    @Test
    void aSpecIsEitherGeneratedOrFileBacked() {
        DatasetGenerator generator = info -> {
            throw new AssertionError("not called");
        };

        assertThat(DatasetSpec.generated("gen", null, DatasetKind.TABLE, COLUMNS, null, null, generator)
                        .generated())
                .isTrue();
        assertThat(withFile("demo.csv", SHA).generated()).isFalse();
        assertThatThrownBy(() -> new DatasetSpec(
                        "both",
                        null,
                        DatasetKind.TABLE,
                        COLUMNS,
                        null,
                        null,
                        "demo.csv",
                        SHA,
                        null,
                        CsvFormat.DEFAULT,
                        generator))
                .hasMessageContaining("generator and file fields");
        assertThatThrownBy(() -> new DatasetSpec(
                        "neither", null, DatasetKind.TABLE, COLUMNS, null, null, null, null, null, null, null))
                .hasMessageContaining("invalid file name");
    }

    @Test
    void aSingleFileSpecListsItsOneFileAndAMultiFileSpecMirrorsItsFirst() {
        DatasetSpec single = withFile("demo.csv", SHA);
        DataFile a = new DataFile("set/a", SHA, List.of(DataFile.npm("pkg@1.0.0", "package/a")));
        DataFile b = new DataFile("set/b", SHA.replace('e', 'f'), List.of());

        DatasetSpec multi =
                DatasetSpec.files("set", null, DatasetKind.IMAGES, null, null, null, List.of(a, b), CsvFormat.DEFAULT);

        assertThat(single.files()).containsExactly(new DataFile("demo.csv", SHA, single.downloadUrls()));
        assertThat(multi.files()).containsExactly(a, b);
        assertThat(multi.fileName()).isEqualTo("set/a");
        assertThat(multi.sha256()).isEqualTo(SHA);
        assertThat(multi.downloadUrls()).hasToString("[npm:pkg@1.0.0#package/a]");
        assertThat(new DatasetSpec(
                        multi.id(),
                        multi.title(),
                        multi.kind(),
                        multi.columns(),
                        multi.description(),
                        multi.license(),
                        multi.fileName(),
                        multi.sha256(),
                        multi.downloadUrls(),
                        multi.format(),
                        null,
                        multi.files()))
                .as("rebuilt from its accessors")
                .isEqualTo(multi);
        assertThat(a.baseName()).isEqualTo("a");
    }

    @Test
    void multiFileSpecsRefuseRepeatedUnsafeOrContradictoryFiles() {
        DataFile a = new DataFile("a", SHA, List.of());

        assertThatThrownBy(() -> DatasetSpec.files(
                        "set", null, DatasetKind.IMAGES, null, null, null, List.of(a, a), CsvFormat.DEFAULT))
                .hasMessageContaining("lists file a twice");
        assertThatThrownBy(() -> DatasetSpec.files(
                        "set", null, DatasetKind.IMAGES, null, null, null, List.of(), CsvFormat.DEFAULT))
                .hasMessageContaining("needs at least one file");
        assertThatThrownBy(() -> new DataFile("../a", SHA, List.of())).hasMessageContaining("invalid file name");
        assertThatThrownBy(() -> new DataFile("a", "ABC", List.of())).hasMessageContaining("lower-case hex SHA-256");
        assertThatThrownBy(() -> new DataFile("a", SHA, List.of(URI.create("npm:pkg@1.0.0"))))
                .hasMessageContaining("needs npm:<package>#<entry>");
        assertThatThrownBy(() -> new DatasetSpec(
                        "set",
                        null,
                        DatasetKind.IMAGES,
                        null,
                        null,
                        null,
                        "b",
                        null,
                        null,
                        CsvFormat.DEFAULT,
                        null,
                        List.of(a)))
                .hasMessageContaining("differ from its first file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Upper", "with space", "-lead", "a/b", ""})
    void idsAreLowerCaseSlugs(String id) {
        assertThatThrownBy(() -> DatasetSpec.generated(id, null, DatasetKind.TABLE, COLUMNS, null, null, i -> null))
                .hasMessageContaining("invalid data set id");
    }
}
