package dev.lectern.plugin.support;

import java.util.Random;

/** The examples a gradient check computes the loss on: a few rows of the run's data, drawn with the check's seed. */
public final class CheckBatch {

    private CheckBatch() {}

    /**
     * Draws distinct rows in increasing order; all rows when there are no more than {@code count}.
     *
     * @param total how many rows the data has
     * @param count how many to draw
     * @param seed the check's seed
     * @return the row indices
     */
    public static int[] rows(int total, int count, long seed) {
        int n = Math.min(total, count);
        long[] order = BatchOrder.shuffled(total, new Random(seed));
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = (int) order[i];
        }
        java.util.Arrays.sort(rows);
        return rows;
    }

    /**
     * Copies the chosen rows of row-major float32 data into float64, as the check computes in float64.
     *
     * @param values row-major data
     * @param width values per row
     * @param rows the rows to copy
     * @return rows.length × width values
     */
    public static double[] select(float[] values, int width, int[] rows) {
        double[] out = new double[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            for (int j = 0; j < width; j++) {
                out[r * width + j] = values[rows[r] * width + j];
            }
        }
        return out;
    }
}
