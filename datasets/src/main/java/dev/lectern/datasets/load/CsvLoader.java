package dev.lectern.datasets.load;

import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.Table;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses a numeric table from delimited text.
 *
 * <p>Accepts LF, CRLF and CR line endings, a missing final newline, a leading byte-order mark, blank
 * lines, comment lines and blanks around cells. Everything else is an error that names the line and
 * column: every row must have exactly one cell per declared column, and every cell must be a finite
 * decimal number that fits a {@code float}. Quoting is not supported, since numeric lecture data never
 * needs it.
 */
public final class CsvLoader {

    // Double.parseDouble alone would also take "NaN", "1f" and hex floats, none of which belong in a table;
    // possessive quantifiers keep a long malformed cell in an upload from backtracking.
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d++(?:\\.\\d*+)?|\\.\\d++)(?:[eE][+-]?\\d++)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    private static final int MAX_SHOWN = 40;

    private CsvLoader() {}

    /**
     * Parses a UTF-8 (or ASCII) file.
     *
     * @param file the file
     * @param format its layout
     * @param datasetId the data set's id, for error messages
     * @param columns the columns every row must have, in order
     * @return the table, row-major
     * @throws DatasetFormatException when the content is malformed
     * @throws IOException when the file cannot be read
     */
    public static Table load(Path file, CsvFormat format, String datasetId, List<Column> columns) throws IOException {
        // Malformed bytes decode to U+FFFD, which the cell check reports with its line and column; a strict
        // decoder would fail a whole buffer ahead of the line at fault.
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            return load(reader, format, datasetId, columns);
        }
    }

    /**
     * Parses text from a reader, which the caller closes.
     *
     * @param reader the text
     * @param format its layout
     * @param datasetId the data set's id, for error messages
     * @param columns the columns every row must have, in order
     * @return the table, row-major
     * @throws DatasetFormatException when the content is malformed
     * @throws IOException when the reader fails
     */
    public static Table load(Reader reader, CsvFormat format, String datasetId, List<Column> columns)
            throws IOException {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("data set '" + datasetId + "' declares no columns");
        }
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        int width = columns.size();
        float[] values = new float[width * 64];
        int rows = 0;
        int lineNo = 0;
        boolean headerPending = format.hasHeader();
        while (true) {
            String line = lines.readLine();
            if (line == null) {
                break;
            }
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || format.isComment(line)) {
                continue;
            }
            if (headerPending) {
                headerPending = false;
                continue;
            }
            if ((long) (rows + 1) * width > Integer.MAX_VALUE - 8) {
                throw new DatasetFormatException(datasetId, lineNo, 0, "too many values for one table");
            }
            if ((rows + 1) * width > values.length) {
                values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 8L, 2L * values.length));
            }
            parseRow(line, format.delimiter(), width, values, rows * width, datasetId, lineNo);
            rows++;
        }
        if (rows == 0) {
            throw new DatasetFormatException(datasetId, 0, 0, "no data rows");
        }
        return new Table(columns, rows, Arrays.copyOf(values, rows * width));
    }

    private static void parseRow(
            String line, char delimiter, int width, float[] out, int offset, String datasetId, int lineNo)
            throws DatasetFormatException {
        int found = 1 + (int) line.chars().filter(c -> c == delimiter).count();
        if (found != width) {
            // The column named is the first extra cell, or the first missing one.
            throw new DatasetFormatException(
                    datasetId, lineNo, Math.min(found, width) + 1, "expected " + width + " columns, found " + found);
        }
        int start = 0;
        for (int col = 0; col < width; col++) {
            int end = col == width - 1 ? line.length() : line.indexOf(delimiter, start);
            out[offset + col] = parseCell(line.substring(start, end).strip(), datasetId, lineNo, col + 1);
            start = end + 1;
        }
    }

    private static float parseCell(String cell, String datasetId, int lineNo, int column)
            throws DatasetFormatException {
        if (cell.isEmpty()) {
            throw new DatasetFormatException(datasetId, lineNo, column, "empty cell");
        }
        if (cell.indexOf('\uFFFD') >= 0) {
            throw new DatasetFormatException(datasetId, lineNo, column, "not UTF-8 text");
        }
        if (NON_FINITE.matcher(cell).matches()) {
            throw new DatasetFormatException(datasetId, lineNo, column, shown(cell) + " is not a finite number");
        }
        if (!DECIMAL.matcher(cell).matches()) {
            throw new DatasetFormatException(datasetId, lineNo, column, shown(cell) + " is not a number");
        }
        float value = (float) Double.parseDouble(cell);
        if (!Float.isFinite(value)) {
            throw new DatasetFormatException(datasetId, lineNo, column, shown(cell) + " is too large for a float");
        }
        return value;
    }

    /**
     * Returns whether a cell, already stripped, is written as a number, finite or not: the test that tells a
     * header line from a data line.
     */
    static boolean looksNumeric(String cell) {
        return DECIMAL.matcher(cell).matches() || NON_FINITE.matcher(cell).matches();
    }

    static String shown(String cell) {
        return "'" + (cell.length() > MAX_SHOWN ? cell.substring(0, MAX_SHOWN) + "…" : cell) + "'";
    }
}
