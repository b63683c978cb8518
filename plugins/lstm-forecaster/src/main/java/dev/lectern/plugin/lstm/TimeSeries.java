package dev.lectern.plugin.lstm;

import dev.lectern.plugin.api.Table;
import java.util.List;

/**
 * A multivariate series in time order, oldest row first, with the column to forecast.
 *
 * @param names column names
 * @param rows values per row, oldest first; {@code rows[t][c]}
 * @param target index of the forecast column
 */
record TimeSeries(List<String> names, double[][] rows, int target) {

    /**
     * Reads a table in file order. The label column is the target; with no label, the last column.
     *
     * @param table the table as loaded
     * @param newestFirst true when the file lists the newest row first
     * @return the series, oldest row first
     */
    static TimeSeries of(Table table, boolean newestFirst) {
        int width = table.columns().size();
        double[][] rows = new double[table.rows()][width];
        float[] values = table.values();
        for (int r = 0; r < table.rows(); r++) {
            int t = newestFirst ? table.rows() - 1 - r : r;
            for (int c = 0; c < width; c++) {
                rows[t][c] = values[r * width + c];
            }
        }
        int[] labels = table.labelIndices();
        int target = labels.length > 0 ? labels[0] : width - 1;
        List<String> names = table.columns().stream().map(c -> c.name()).toList();
        return new TimeSeries(names, rows, target);
    }

    int length() {
        return rows.length;
    }

    int columns() {
        return names.size();
    }

    String targetName() {
        return names.get(target);
    }
}
