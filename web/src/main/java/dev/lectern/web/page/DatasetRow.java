package dev.lectern.web.page;

/**
 * One data set in the list.
 *
 * @param id the data set id
 * @param title the title
 * @param kind the kind, lower case, such as {@code table}
 * @param rows the row count, or empty when not known before loading
 * @param columns the columns in short, features then the label, such as {@code x1, x2 → class}
 * @param description what the data is
 * @param source where it comes from: {@code generated}, {@code file} or {@code uploaded}
 * @param uploaded when it was uploaded, empty for built-ins
 * @param label the label's facts in words, such as {@code 3 classes (0, 1, 2)}; empty when not known
 */
public record DatasetRow(
        String id,
        String title,
        String kind,
        String rows,
        String columns,
        String description,
        String source,
        String uploaded,
        String label) {

    /**
     * Creates a row without label facts.
     *
     * @param id the data set id
     * @param title the title
     * @param kind the kind
     * @param rows the row count, or empty
     * @param columns the columns in short
     * @param description what the data is
     * @param source where it comes from
     * @param uploaded when it was uploaded, or empty
     */
    public DatasetRow(
            String id,
            String title,
            String kind,
            String rows,
            String columns,
            String description,
            String source,
            String uploaded) {
        this(id, title, kind, rows, columns, description, source, uploaded, "");
    }
}
