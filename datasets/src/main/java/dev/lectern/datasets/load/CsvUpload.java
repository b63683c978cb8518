package dev.lectern.datasets.load;

import dev.lectern.datasets.ColumnChoice;
import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.Table;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A CSV file a person uploaded, checked and parsed into a table with a label column.
 *
 * <p>The file must be UTF-8 text, comma-separated (tabs or semicolons are taken when the first row has no comma),
 * with {@code #} comment lines and blank lines allowed. The first line that is neither blank nor a comment is a
 * header when any of its cells is not written as a number; otherwise the columns are named
 * {@code column 1 … column n}. Every cell must be a finite number. The label is the column chosen (by name or
 * number) or the last one; every other column is a feature. The stored file is read again later with
 * {@link #format()} through {@link CsvLoader}, the same parser that checked it here.
 *
 * @param columns the columns with their roles, in file order
 * @param format the layout to read the file with
 * @param table the parsed values
 */
public record CsvUpload(List<Column> columns, CsvFormat format, Table table) {

    /** Lines longer than this are refused before decoding: a CSV row of numbers is never this long. */
    public static final int MAX_LINE_BYTES = 1 << 20;
    /** The most columns an upload may have. */
    public static final int MAX_COLUMNS = 1000;

    private static final int MAX_NAME = 100;

    /**
     * Checks and parses an uploaded file.
     *
     * @param file the file, already limited in size by the caller
     * @param source how to name the file in messages, such as its original name
     * @param label the label column's name or 1-based number; blank or null for the last column
     * @return the parsed upload
     * @throws DatasetFormatException naming the line (and column) at fault when the file is not such a table
     * @throws dev.lectern.plugin.api.InvalidParameterException on field {@code label} when no column matches it
     * @throws IOException when the file cannot be read
     */
    public static CsvUpload parse(Path file, String source, String label) throws IOException {
        FirstRow first = checkText(file, source);
        char delimiter = first.text.indexOf(',') >= 0
                ? ','
                : first.text.indexOf('\t') >= 0 ? '\t' : first.text.indexOf(';') >= 0 ? ';' : ',';
        List<String> cells = split(first.text, delimiter);
        if (cells.size() < 2) {
            throw new DatasetFormatException(
                    source,
                    first.line,
                    0,
                    "found 1 column; a data set needs at least two " + "(features, then a label), separated by commas");
        }
        if (cells.size() > MAX_COLUMNS) {
            throw new DatasetFormatException(
                    source,
                    first.line,
                    MAX_COLUMNS + 1,
                    "found " + cells.size() + " columns; at most " + MAX_COLUMNS + " are allowed");
        }
        boolean header = cells.stream().anyMatch(c -> !c.isEmpty() && !CsvLoader.looksNumeric(c));
        List<String> names = header ? names(cells) : numbered(cells.size());
        List<Column> unlabelled =
                names.stream().map(n -> new Column(n, ColumnRole.FEATURE)).toList();
        int labelIndex = ColumnChoice.resolve(unlabelled, label, "label", names.size() - 1);
        List<Column> columns = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            columns.add(new Column(names.get(i), i == labelIndex ? ColumnRole.LABEL : ColumnRole.FEATURE));
        }
        CsvFormat format = new CsvFormat(delimiter, CsvFormat.DEFAULT.commentPrefix(), header);
        return new CsvUpload(List.copyOf(columns), format, CsvLoader.load(file, format, source, columns));
    }

    /** Returns the index of the label column. */
    public int labelIndex() {
        return table.labelIndices()[0];
    }

    private record FirstRow(int line, String text) {}

    /**
     * Reads the file once as bytes: refuses NUL and other control bytes, invalid UTF-8 and huge lines with the line
     * at fault, and returns the first line that is neither blank nor a comment. Lines end as
     * {@link java.io.BufferedReader#readLine()} ends them (LF, CR or CRLF), so line numbers match the parser's.
     */
    private static FirstRow checkText(Path file, String source) throws IOException {
        LineScan scan = new LineScan(source);
        byte[] chunk = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                for (int i = 0; i < n; i++) {
                    scan.accept(chunk[i]);
                }
            }
        }
        return scan.finish();
    }

    /** Splits bytes into lines and checks each; holds at most one line. */
    private static final class LineScan {
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final String source;
        private byte[] line = new byte[8192];
        private int length;
        private int lineNo = 1;
        private long textBytes;
        private boolean afterCr;
        private FirstRow first;

        LineScan(String source) {
            this.source = source;
        }

        void accept(byte b) throws DatasetFormatException {
            if (b == '\n' && afterCr) {
                afterCr = false;
                return;
            }
            afterCr = b == '\r';
            if (b == '\n' || b == '\r') {
                endLine();
                lineNo++;
                return;
            }
            textBytes++;
            if (b >= 0 && b < 0x20 && b != '\t') {
                throw new DatasetFormatException(
                        source,
                        lineNo,
                        0,
                        b == 0
                                ? "not a text file (it contains a NUL byte)"
                                : String.format(
                                        Locale.ROOT, "not a text file (it contains the control byte 0x%02x)", b));
            }
            if (length == MAX_LINE_BYTES) {
                throw new DatasetFormatException(
                        source, lineNo, 0, "longer than " + MAX_LINE_BYTES / 1024 + " KiB; not a CSV file of numbers");
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, 2 * line.length));
            }
            line[length++] = b;
        }

        FirstRow finish() throws DatasetFormatException {
            if (length > 0) {
                endLine();
            }
            if (textBytes == 0) {
                throw new DatasetFormatException(source, 0, 0, "the file is empty");
            }
            if (first == null) {
                throw new DatasetFormatException(source, 0, 0, "no data rows (only blank or comment lines)");
            }
            return first;
        }

        private void endLine() throws DatasetFormatException {
            String text = decode(utf8, line, length, source, lineNo);
            length = 0;
            if (first == null && isContent(text, lineNo)) {
                first = new FirstRow(lineNo, lineNo == 1 ? withoutBom(text) : text);
            }
        }
    }

    private static String decode(CharsetDecoder utf8, byte[] bytes, int length, String source, int lineNo)
            throws DatasetFormatException {
        try {
            return utf8.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new DatasetFormatException(source, lineNo, 0, "not a text file (it is not valid UTF-8)");
        }
    }

    private static boolean isContent(String text, int lineNo) {
        String line = lineNo == 1 ? withoutBom(text) : text;
        return !line.isBlank() && !CsvFormat.DEFAULT.isComment(line);
    }

    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static List<String> split(String line, char delimiter) {
        List<String> cells = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == delimiter) {
                cells.add(line.substring(start, i).strip());
                start = i + 1;
            }
        }
        return cells;
    }

    private static List<String> names(List<String> cells) {
        List<String> names = new ArrayList<>(cells.size());
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = unquote(cells.get(i)).replace('\t', ' ').strip();
            if (name.length() > MAX_NAME) {
                name = name.substring(0, MAX_NAME).strip();
            }
            if (name.isEmpty()) {
                name = "column " + (i + 1);
            }
            String unique = name;
            for (int n = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); n++) {
                unique = name + " (" + n + ")";
            }
            names.add(unique);
        }
        return names;
    }

    private static List<String> numbered(int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            names.add("column " + i);
        }
        return names;
    }

    private static String unquote(String cell) {
        if (cell.length() >= 2
                && (cell.charAt(0) == '"' || cell.charAt(0) == '\'')
                && cell.charAt(cell.length() - 1) == cell.charAt(0)) {
            return cell.substring(1, cell.length() - 1);
        }
        return cell;
    }
}
