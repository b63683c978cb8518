package dev.lectern.datasets.gen;

import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.Table;
import java.util.List;
import java.util.Random;

/**
 * Gaussian blobs for classification: class {@code c} is drawn from {@code N(center_c, sd² I)} in two dimensions.
 *
 * <p>Rows are interleaved (row {@code i} belongs to class {@code i mod k}), so every prefix of the table holds
 * every class in equal measure. Two well separated blobs are the lecture's picture of a problem that a
 * straight line (logistic regression) solves; three are the softmax picture, one line per pair of classes.
 */
public final class Blobs {

    /** The rows of {@code two-blobs}. */
    public static final int TWO_ROWS = 200;
    /** The centres of {@code two-blobs}'s classes 0 and 1. */
    public static final double[][] TWO_CENTERS = {{-1.5, -1.5}, {1.5, 1.5}};
    /** The standard deviation of {@code two-blobs} along each axis. */
    public static final double TWO_SD = 1.0;
    /** The seed of {@code two-blobs}. */
    public static final long TWO_SEED = 7L;

    /** The rows of {@code three-blobs}. */
    public static final int THREE_ROWS = 300;
    /** The centres of {@code three-blobs}'s classes 0, 1 and 2: the corners of a triangle of radius 3. */
    public static final double[][] THREE_CENTERS = {{0, 3}, {-2.6, -1.5}, {2.6, -1.5}};
    /** The standard deviation of {@code three-blobs} along each axis. */
    public static final double THREE_SD = 0.8;
    /** The seed of {@code three-blobs}. */
    public static final long THREE_SEED = 11L;

    private Blobs() {}

    /**
     * Returns the {@code two-blobs} table: 200 rows, 100 per class.
     *
     * @return a new table with columns {@code x1}, {@code x2} and {@code class}
     */
    public static Table two() {
        return generate(TWO_ROWS, TWO_CENTERS, TWO_SD, TWO_SEED);
    }

    /**
     * Returns the {@code three-blobs} table: 300 rows, 100 per class.
     *
     * @return a new table with columns {@code x1}, {@code x2} and {@code class}
     */
    public static Table three() {
        return generate(THREE_ROWS, THREE_CENTERS, THREE_SD, THREE_SEED);
    }

    /**
     * Draws {@code n} points around the given centres, the class of row {@code i} being {@code i mod k}.
     *
     * @param n the number of rows, at least the number of centres
     * @param centers one {@code {x1, x2}} centre per class, at least two
     * @param sd the standard deviation along each axis, finite and not negative
     * @param seed the random seed
     * @return a table with feature columns {@code x1}, {@code x2} and the label {@code class} (0 to k − 1)
     */
    public static Table generate(int n, double[][] centers, double sd, long seed) {
        int k = centers.length;
        if (k < 2 || n < k) {
            throw new IllegalArgumentException(
                    "need at least two classes and a row per class, got k=" + k + ", n=" + n);
        }
        if (!(sd >= 0) || !Double.isFinite(sd)) {
            throw new IllegalArgumentException("the standard deviation must be finite and at least 0, got " + sd);
        }
        for (double[] center : centers) {
            if (center.length != 2 || !Double.isFinite(center[0]) || !Double.isFinite(center[1])) {
                throw new IllegalArgumentException("every centre needs two finite coordinates");
            }
        }
        if ((long) n * 3 > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many rows: " + n);
        }
        Random random = new Random(seed);
        float[] values = new float[n * 3];
        for (int row = 0; row < n; row++) {
            int c = row % k;
            values[3 * row] = (float) (centers[c][0] + sd * random.nextGaussian());
            values[3 * row + 1] = (float) (centers[c][1] + sd * random.nextGaussian());
            values[3 * row + 2] = c;
        }
        return new Table(columns("class"), n, values);
    }

    static List<Column> columns(String label) {
        return List.of(
                new Column("x1", ColumnRole.FEATURE),
                new Column("x2", ColumnRole.FEATURE),
                new Column(label, ColumnRole.LABEL));
    }
}
