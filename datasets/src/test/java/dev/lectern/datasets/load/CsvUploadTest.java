package dev.lectern.datasets.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.InvalidParameterException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvUploadTest {

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("data.csv"), text, StandardCharsets.UTF_8);
    }

    private Path file(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("data.csv"), bytes);
    }

    private CsvUpload parse(String text) throws IOException {
        return CsvUpload.parse(file(text), "data.csv", null);
    }

    // ---- header detection ----------------------------------------------------------------------------------------

    @Test
    void aFirstRowWithANameIsTheHeaderAndTheLastColumnTheLabel() throws IOException {
        CsvUpload upload = parse("# prices\nsize,rooms,price\n2104,3,399900\n1600,3,329900\n");

        assertThat(upload.columns())
                .containsExactly(
                        new Column("size", ColumnRole.FEATURE),
                        new Column("rooms", ColumnRole.FEATURE),
                        new Column("price", ColumnRole.LABEL));
        assertThat(upload.format()).isEqualTo(new CsvFormat(',', "#", true));
        assertThat(upload.table().rows()).isEqualTo(2);
        assertThat(upload.table().values()).containsExactly(2104, 3, 399900, 1600, 3, 329900);
        assertThat(upload.labelIndex()).isEqualTo(2);
    }

    @Test
    void aFirstRowOfNumbersIsDataAndColumnsAreNumbered() throws IOException {
        CsvUpload upload = parse("1,2\n3,4\n");

        assertThat(upload.format().hasHeader()).isFalse();
        assertThat(upload.columns()).extracting(Column::name).containsExactly("column 1", "column 2");
        assertThat(upload.table().rows()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x,1\n2,3\n", "1,y\n2,3\n", "\uFEFFx,y\n2,3\n", "  \n# c\n\"x\",\"y\"\n2,3\n"})
    void anyNonNumericCellMakesAHeader(String text) throws IOException {
        assertThat(parse(text).format().hasHeader()).isTrue();
        assertThat(parse(text).table().rows()).isEqualTo(1);
    }

    @Test
    void quotedEmptyAndDuplicateNamesAreCleanedUp() throws IOException {
        CsvUpload upload = parse("\"a\",,a,A,b\n1,2,3,4,5\n");

        assertThat(upload.columns()).extracting(Column::name).containsExactly("a", "column 2", "a (2)", "A (3)", "b");
    }

    @Test
    void nonFiniteOrEmptyCellsInTheFirstRowDoNotMakeItAHeader() {
        assertThatThrownBy(() -> parse("1,NaN\n2,3\n"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage("data.csv: line 1, column 2: 'NaN' is not a finite number");
        assertThatThrownBy(() -> parse("1,,3\n2,3,4\n")).hasMessage("data.csv: line 1, column 2: empty cell");
    }

    @Test
    void tabsAndSemicolonsAreTakenWhenTheFirstRowHasNoComma() throws IOException {
        assertThat(parse("x\ty\n1\t2\n").format().delimiter()).isEqualTo('\t');
        assertThat(parse("x;y\n1;2\n").table().values()).containsExactly(1, 2);
        assertThat(parse("x,y\r\n1,2\r\n3,4").table().values()).containsExactly(1, 2, 3, 4);
    }

    // ---- the label -----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"rooms", "ROOMS", "2", " 2 "})
    void theLabelIsChosenByNameOrByNumberFromOne(String label) throws IOException {
        CsvUpload upload = CsvUpload.parse(file("size,rooms,price\n2104,3,399900\n"), "data.csv", label);

        assertThat(upload.labelIndex()).isEqualTo(1);
        assertThat(upload.columns())
                .extracting(Column::role)
                .containsExactly(ColumnRole.FEATURE, ColumnRole.LABEL, ColumnRole.FEATURE);
        assertThat(upload.table().features()).containsExactly(2104, 399900);
        assertThat(upload.table().label()).containsExactly(3);
    }

    @Test
    void anExactNameWinsOverANumberAndBlankMeansTheLastColumn() throws IOException {
        assertThat(CsvUpload.parse(file("a,1,b\n5,6,7\n"), "data.csv", "1").labelIndex())
                .isEqualTo(1);
        assertThat(CsvUpload.parse(file("a,1,b\n5,6,7\n"), "data.csv", "  ").labelIndex())
                .isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"weight", "0", "4", "-1", "1.5"})
    void anUnknownLabelIsRefusedOnTheLabelFieldListingTheColumns(String label) throws IOException {
        Path csv = file("size,rooms,price\n2104,3,399900\n");

        assertThatThrownBy(() -> CsvUpload.parse(csv, "data.csv", label))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.field()).isEqualTo("label"))
                .hasMessageContaining("size, rooms, price")
                .hasMessageContaining("from 1 to 3")
                .hasMessageContaining("'" + label + "'");
    }

    // ---- malformed files -----------------------------------------------------------------------------------------

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(
                        "ragged, one cell too many",
                        "x,y\n1,2\n3,4,5\n",
                        3,
                        3,
                        "data.csv: line 3, column 3: expected 2 columns, found 3"),
                Arguments.of(
                        "ragged, one cell short",
                        "x,y\n1,2\n\n3\n",
                        4,
                        2,
                        "data.csv: line 4, column 2: expected 2 columns, found 1"),
                Arguments.of(
                        "text in a numeric column",
                        "x,y\n1,2\n3,abc\n",
                        3,
                        2,
                        "data.csv: line 3, column 2: 'abc' is not a number"),
                Arguments.of(
                        "a comma as decimal point",
                        "x;y\n1;2,5\n",
                        2,
                        2,
                        "data.csv: line 2, column 2: '2,5' is not a number"),
                Arguments.of(
                        "NaN", "x,y\n1,2\nNaN,4\n", 3, 1, "data.csv: line 3, column 1: 'NaN' is not a finite number"),
                Arguments.of(
                        "Infinity",
                        "x,y\n1,-Infinity\n",
                        2,
                        2,
                        "data.csv: line 2, column 2: '-Infinity' is not a finite number"),
                Arguments.of(
                        "beyond float",
                        "x,y\n1,1e40\n",
                        2,
                        2,
                        "data.csv: line 2, column 2: '1e40' is too large for a float"),
                Arguments.of("empty cell", "x,y\n1,\n", 2, 2, "data.csv: line 2, column 2: empty cell"),
                Arguments.of("empty file", "", 0, 0, "data.csv: the file is empty"),
                Arguments.of("line breaks only", "\n\n\r\n", 0, 0, "data.csv: the file is empty"),
                Arguments.of(
                        "blank lines only",
                        "\n \n\t\r\n",
                        0,
                        0,
                        "data.csv: no data rows (only blank or comment lines)"),
                Arguments.of(
                        "comments only",
                        "# nothing\n# here\n",
                        0,
                        0,
                        "data.csv: no data rows (only blank or comment lines)"),
                Arguments.of("header only", "x,y\n", 0, 0, "data.csv: no data rows"),
                Arguments.of(
                        "one column",
                        "y\n1\n2\n",
                        1,
                        0,
                        "data.csv: line 1: found 1 column; a data set needs at least two (features, then a label), "
                                + "separated by commas"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedFilesNameTheLineAndColumn(String what, String text, int line, int column, String message) {
        assertThatThrownBy(() -> parse(text))
                .isInstanceOfSatisfying(DatasetFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                })
                .hasMessage(message);
    }

    static Stream<Arguments> binary() {
        return Stream.of(
                Arguments.of(
                        "NUL bytes",
                        new byte[] {'x', ',', 'y', '\n', '1', ',', '2', '\n', '3', 0, ',', '4'},
                        3,
                        "data.csv: line 3: not a text file (it contains a NUL byte)"),
                Arguments.of(
                        "invalid UTF-8",
                        new byte[] {'x', ',', 'y', '\r', '\n', '1', ',', (byte) 0xC3, '\n'},
                        2,
                        "data.csv: line 2: not a text file (it is not valid UTF-8)"),
                Arguments.of(
                        "an overlong encoding",
                        new byte[] {'1', ',', '2', '\n', (byte) 0xC0, (byte) 0xAF, ',', '1'},
                        2,
                        "data.csv: line 2: not a text file (it is not valid UTF-8)"),
                Arguments.of(
                        "a PNG header",
                        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0},
                        1,
                        "data.csv: line 1: not a text file (it is not valid UTF-8)"),
                Arguments.of(
                        "a control byte",
                        new byte[] {'1', ',', '2', '\n', '3', ',', 0x07},
                        2,
                        "data.csv: line 2: not a text file (it contains the control byte 0x07)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binary")
    void binaryGarbageIsNotATextFileWithTheLine(String what, byte[] bytes, int line, String message)
            throws IOException {
        Path binary = file(bytes);

        assertThatThrownBy(() -> CsvUpload.parse(binary, "data.csv", null))
                .isInstanceOfSatisfying(
                        DatasetFormatException.class, e -> assertThat(e.line()).isEqualTo(line))
                .hasMessage(message);
    }

    @Test
    void validUtf8NamesAreKept() throws IOException {
        assertThat(parse("größe,€ preis\n1,2\n").columns())
                .extracting(Column::name)
                .containsExactly("größe", "€ preis");
    }

    @Test
    void aHugeLineIsRefusedBeforeItIsDecoded() throws IOException {
        byte[] bytes = new byte[CsvUpload.MAX_LINE_BYTES + 10];
        java.util.Arrays.fill(bytes, (byte) '1');

        assertThatThrownBy(() -> CsvUpload.parse(file(bytes), "big.csv", null))
                .hasMessage("big.csv: line 1: longer than 1024 KiB; not a CSV file of numbers");
    }

    @Test
    void tooManyColumnsAreRefused() {
        String row = "1,".repeat(CsvUpload.MAX_COLUMNS) + "1\n";

        assertThatThrownBy(() -> parse(row))
                .hasMessageStartingWith("data.csv: line 1, column 1001: found 1001 columns");
    }

    @Test
    void theStoredFileReadsBackIdenticallyThroughItsFormat() throws IOException {
        Path csv = file("\uFEFF# exported\r\nx1;x2;y\r\n1.5;-2;0\r\n\r\n3e2;4;1");
        CsvUpload upload = CsvUpload.parse(csv, "data.csv", "x2");

        assertThat(CsvLoader.load(csv, upload.format(), "data.csv", upload.columns()))
                .usingRecursiveComparison()
                .isEqualTo(upload.table());
        assertThat(upload.table().values()).containsExactly(1.5f, -2, 0, 300, 4, 1);
    }
}
