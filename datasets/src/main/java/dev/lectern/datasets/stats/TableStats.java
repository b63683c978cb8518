package dev.lectern.datasets.stats;

import dev.lectern.plugin.api.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Describes a table the way a student first looks at data: ranges, centres, spreads and class balance. */
public final class TableStats {

    /** The most distinct values a label may have and still count as classes. */
    public static final int MAX_CLASSES = dev.lectern.plugin.api.DataFacts.MAX_CLASSES;

    private TableStats() {}

    /**
     * Returns the statistics of every column, in column order. Sums are taken in {@code double}, with the mean
     * subtracted before squaring, so large values such as house prices keep their precision.
     *
     * @param table the table
     * @return one entry per column
     */
    public static List<ColumnStats> columns(Table table) {
        int width = table.columns().size();
        int rows = table.rows();
        float[] v = table.values();
        List<ColumnStats> out = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                float x = v[r * width + c];
                min = Math.min(min, x);
                max = Math.max(max, x);
                sum += x;
            }
            double mean = rows == 0 ? Double.NaN : sum / rows;
            double squares = 0;
            for (int r = 0; r < rows; r++) {
                double d = v[r * width + c] - mean;
                squares += d * d;
            }
            double std = rows < 2 ? 0 : Math.sqrt(squares / (rows - 1));
            var column = table.columns().get(c);
            out.add(new ColumnStats(
                    column.name(),
                    column.role(),
                    rows,
                    rows == 0 ? Float.NaN : min,
                    rows == 0 ? Float.NaN : max,
                    mean,
                    std,
                    0));
        }
        return out;
    }

    /**
     * Counts the rows per class of a column when it looks categorical: every value a whole number and at most
     * {@link #MAX_CLASSES} distinct values.
     *
     * @param table the table
     * @param column the column's index, usually the label's
     * @return the classes in ascending order, or empty when the column does not look categorical
     */
    public static Optional<List<ClassCount>> classCounts(Table table, int column) {
        int width = table.columns().size();
        float[] v = table.values();
        TreeMap<Long, Integer> counts = new TreeMap<>();
        for (int r = 0; r < table.rows(); r++) {
            float x = v[r * width + column];
            if (x != Math.rint(x) || Math.abs(x) > 1e9) {
                return Optional.empty();
            }
            counts.merge((long) x, 1, Integer::sum);
            if (counts.size() > MAX_CLASSES) {
                return Optional.empty();
            }
        }
        if (counts.isEmpty()) {
            return Optional.empty();
        }
        List<ClassCount> out = new ArrayList<>(counts.size());
        counts.forEach((value, count) -> out.add(new ClassCount(value, count)));
        return Optional.of(out);
    }

    /**
     * Picks at most {@code max} row indices spread evenly over the table, always including the first row, so a
     * plot of a large table stays fast and still shows its whole range.
     *
     * @param rows the table's row count
     * @param max the most rows wanted, at least 1
     * @return ascending row indices
     */
    public static int[] evenRows(int rows, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, got " + max);
        }
        int n = Math.min(rows, max);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) ((long) i * rows / n);
        }
        return out;
    }
}
