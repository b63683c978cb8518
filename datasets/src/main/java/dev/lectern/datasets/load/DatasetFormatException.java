package dev.lectern.datasets.load;

import java.io.IOException;

/**
 * A data set file whose content does not match its declared format.
 *
 * <p>It is an {@link IOException} because it is a fault of the input, found while reading it: callers that
 * already handle unreadable files handle malformed ones too, and the compiler makes sure they do. The
 * message names the data set, the 1-based line and, where one cell is at fault, the 1-based column, so
 * that it can be shown to the person who uploaded the file as it is.
 */
public class DatasetFormatException extends IOException {

    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /** The 1-based line at fault, or 0. */
    private final int line;
    /** The 1-based column at fault, or 0. */
    private final int column;

    /**
     * Creates the exception.
     *
     * @param datasetId the data set's id
     * @param line the 1-based line number, or 0 when the fault is not on one line
     * @param column the 1-based column number, or 0 when the fault is not in one cell
     * @param problem what was found, such as {@code 'abc' is not a number}
     */
    public DatasetFormatException(String datasetId, int line, int column, String problem) {
        super(datasetId + ": " + where(line, column) + problem);
        this.line = line;
        this.column = column;
    }

    /**
     * Returns the line at fault.
     *
     * @return the 1-based line number, or 0 when the fault is not on one line
     */
    public int line() {
        return line;
    }

    /**
     * Returns the column at fault.
     *
     * @return the 1-based column number, or 0 when the fault is not in one cell
     */
    public int column() {
        return column;
    }

    private static String where(int line, int column) {
        if (line <= 0) {
            return "";
        }
        return column <= 0 ? "line " + line + ": " : "line " + line + ", column " + column + ": ";
    }
}
