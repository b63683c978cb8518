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
 */
public record DatasetRow(
        String id,
        String title,
        String kind,
        String rows,
        String columns,
        String description,
        String source,
        String uploaded) {}
