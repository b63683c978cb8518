package dev.lectern.datasets.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.Table;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvLoaderTest {

    private static final List<Column> TWO =
            List.of(new Column("x", ColumnRole.FEATURE), new Column("y", ColumnRole.LABEL));
    private static final float[] EXPECTED = {6.1101f, 17.592f, 5.5277f, 9.1302f, -1.5f, 0.25f};

    private static Table parse(String text, CsvFormat format) throws IOException {
        return CsvLoader.load(new StringReader(text), format, "ex1data1", TWO);
    }

    private static Table parse(String text) throws IOException {
        return parse(text, CsvFormat.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "6.1101,17.592\n5.5277,9.1302\n-1.5,0.25\n",
                "6.1101,17.592\r\n5.5277,9.1302\r\n-1.5,0.25\r\n",
                "6.1101,17.592\n5.5277,9.1302\n-1.5,0.25",
                "6.1101,17.592\r\n5.5277,9.1302\r\n-1.5,0.25",
                "# source: somewhere, with, commas\"\r\n# x,y\r\n6.1101,17.592\r\n\r\n5.5277,9.1302\r\n  # indented\r\n-1.5,0.25",
                " 6.1101 , 17.592\n\n\n5.5277,\t9.1302 \n-1.5e0,+.25\n\n",
                "\uFEFF6.1101,17.592\n5.5277,9.1302\n-1.5,0.25\n",
            })
    void lineEndingsCommentsBlanksAndFinalNewlineParseIdentically(String text) throws IOException {
        Table table = parse(text);

        assertThat(table.rows()).isEqualTo(3);
        assertThat(table.columns()).isEqualTo(TWO);
        assertThat(table.values()).containsExactly(EXPECTED);
    }

    @Test
    void headerLineIsSkippedOnlyWhenDeclared() throws IOException {
        String text = "# comment before the header\npopulation,profit\n6.1101,17.592\n5.5277,9.1302\n-1.5,0.25\n";

        assertThat(parse(text, CsvFormat.DEFAULT.withHeader()).values()).containsExactly(EXPECTED);
        assertThatThrownBy(() -> parse(text))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage("ex1data1: line 2, column 1: 'population' is not a number");
    }

    @Test
    void nonNumberNamesLineAndColumnCountingCommentAndBlankLines() {
        String text = "# c\n1,2\n\n3,4\n5,abc\n";

        assertThatThrownBy(() -> parse(text))
                .isInstanceOfSatisfying(DatasetFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.column()).isEqualTo(2);
                })
                .hasMessage("ex1data1: line 5, column 2: 'abc' is not a number");
    }

    @Test
    void wrongColumnCountNamesLineFirstExtraOrMissingColumnAndCounts() {
        assertThatThrownBy(() -> parse("1,2\r\n3,4\r\n5,6,7\r\n"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage("ex1data1: line 3, column 3: expected 2 columns, found 3");
        assertThatThrownBy(() -> parse("1,2\n3\n"))
                .hasMessage("ex1data1: line 2, column 2: expected 2 columns, found 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "nan", "-Infinity", "Infinity", "+inf"})
    void nonFiniteValuesAreRejected(String cell) {
        assertThatThrownBy(() -> parse("1,2\n3," + cell + "\n"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage("ex1data1: line 2, column 2: '" + cell + "' is not a finite number");
    }

    @Test
    void valuesBeyondFloatRangeAreRejected() {
        assertThatThrownBy(() -> parse("1e39,2\n"))
                .hasMessage("ex1data1: line 1, column 1: '1e39' is too large for a float");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1f", "0x1p3", "1,5d", "1.2.3", "--1", "e5", "."})
    void javaOnlyNumberSyntaxIsRejected(String row) {
        assertThatThrownBy(() -> parse(row.contains(",") ? row : row + ",1"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("ex1data1: line 1, column ")
                .hasMessageEndingWith("is not a number");
    }

    @Test
    void emptyCellNamesItsColumn() {
        assertThatThrownBy(() -> parse("1,2\n,4\n")).hasMessage("ex1data1: line 2, column 1: empty cell");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n", "# only a comment\r\n# and another", "x,y\n"})
    void tablesWithoutDataRowsAreRejected(String text) {
        assertThatThrownBy(() -> parse(text, CsvFormat.DEFAULT.withHeader()))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage("ex1data1: no data rows");
    }

    @Test
    void longBadCellsAreShortenedInTheMessage() {
        String cell = "z".repeat(500);

        assertThatThrownBy(() -> parse("1," + cell))
                .message()
                .hasSizeLessThan(120)
                .contains("line 1, column 2");
    }

    @Test
    void growsPastItsInitialCapacity() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            text.append(i).append(',').append(2 * i).append('\n');
        }

        Table table = parse(text.toString());

        assertThat(table.rows()).isEqualTo(1000);
        assertThat(table.values()[2 * 999 + 1]).isEqualTo(1998f);
    }

    @Test
    void readsFilesAndRejectsInvalidUtf8WithTheLine(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("good.csv"), "6.1101,17.592\r\n5.5277,9.1302\r\n-1.5,0.25");
        Path bad = Files.write(dir.resolve("bad.csv"), new byte[] {'1', ',', '2', '\n', '3', ',', (byte) 0xff, '\n'});

        assertThat(CsvLoader.load(good, CsvFormat.DEFAULT, "ex1data1", TWO).values())
                .containsExactly(EXPECTED);
        assertThatThrownBy(() -> CsvLoader.load(bad, CsvFormat.DEFAULT, "ex1data1", TWO))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage("ex1data1: line 2, column 2: not UTF-8 text");
    }

    @Test
    void otherDelimitersAndNoCommentPrefixWork() throws IOException {
        CsvFormat semicolons = new CsvFormat(';', "", false);

        assertThat(parse("1;2\n3;4", semicolons).values()).containsExactly(1f, 2f, 3f, 4f);
        assertThatThrownBy(() -> parse("#1;2\n3;4", semicolons)).hasMessageContaining("line 1, column 1");
    }
}
