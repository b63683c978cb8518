package dev.lectern.plugin.lstm;

/**
 * The lab's MinMax scaler: {@code (x − min) / (max − min + 1e−7)} per column, fitted on a range of rows. The
 * 1e−7 keeps a constant column finite and is kept in the inverse so that prices convert back exactly.
 *
 * @param min column minima
 * @param max column maxima
 */
record MinMaxScaler(double[] min, double[] max) {

    static final double EPSILON = 1e-7;

    static MinMaxScaler fit(double[][] rows, int from, int to) {
        int width = rows[from].length;
        double[] min = new double[width];
        double[] max = new double[width];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int r = from; r < to; r++) {
            for (int c = 0; c < width; c++) {
                min[c] = Math.min(min[c], rows[r][c]);
                max[c] = Math.max(max[c], rows[r][c]);
            }
        }
        return new MinMaxScaler(min, max);
    }

    /** Scales rows {@code [from, to)} into a new array. */
    double[][] apply(double[][] rows, int from, int to) {
        double[][] out = new double[to - from][];
        for (int r = from; r < to; r++) {
            double[] row = new double[rows[r].length];
            for (int c = 0; c < row.length; c++) {
                row[c] = (rows[r][c] - min[c]) / span(c);
            }
            out[r - from] = row;
        }
        return out;
    }

    /** The divisor of one column: its range plus the lab's epsilon. Scaled errors times this are in data units. */
    double span(int column) {
        return max[column] - min[column] + EPSILON;
    }

    /** Converts a scaled value of one column back to data units. */
    double unscale(int column, double scaled) {
        return scaled * span(column) + min[column];
    }
}
