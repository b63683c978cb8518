package dev.lectern.web.page;

import java.util.List;

/**
 * One data set: what it is, its first rows, column statistics, class balance and a scatter plot.
 *
 * @param id the data set id
 * @param title the title
 * @param description what the data is
 * @param uploaded whether it was uploaded (and so can be deleted)
 * @param facts kind, rows, source, licence, checksum and the like
 * @param columns the columns, with statistics when the data could be loaded
 * @param rows the first rows, each cell formatted
 * @param totalRows the number of rows, formatted, or empty when the data could not be loaded
 * @param classes the rows per class when the label looks categorical, else empty
 * @param labelName the label column's name
 * @param defaultX the column number plotted across by default
 * @param defaultY the column number plotted up by default
 * @param plugins the plugins that can train on it
 * @param loadError why the data could not be loaded, empty when it could
 */
public record DatasetPage(
        String id,
        String title,
        String description,
        boolean uploaded,
        List<KeyValue> facts,
        List<DatasetColumn> columns,
        List<List<String>> rows,
        String totalRows,
        List<DatasetClassCount> classes,
        String labelName,
        int defaultX,
        int defaultY,
        List<DatasetPluginLink> plugins,
        String loadError) {

    /** Returns a sentence saying which rows are shown, such as "The first 20 of 97 rows." */
    public String rowsNote() {
        if (rows.size() == 1 && "1".equals(totalRows)) {
            return "The only row.";
        }
        return String.valueOf(rows.size()).equals(totalRows)
                ? "All " + totalRows + " rows."
                : "The first " + rows.size() + " of " + totalRows + " rows.";
    }

    /** Returns whether statistics, rows and the plot can be shown. */
    public boolean loaded() {
        return loadError.isEmpty();
    }
}
