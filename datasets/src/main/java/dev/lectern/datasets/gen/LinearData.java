package dev.lectern.datasets.gen;

import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Data for linear regression, {@code y = x·W + b + noise}, drawn from a known truth.
 *
 * <p>The built-in {@code linear-synthetic} data set uses the {@code SYNTHETIC_*} constants, so tests of the
 * linear-regression plugin can check that training recovers {@link #SYNTHETIC_W} and {@link #SYNTHETIC_B}.
 */
public final class LinearData {

    /** The true weight of {@code linear-synthetic}. */
    public static final double SYNTHETIC_W = 2.0;
    /** The true bias of {@code linear-synthetic}. */
    public static final double SYNTHETIC_B = 4.0;
    /** The standard deviation of the Gaussian noise added to {@code linear-synthetic}'s labels. */
    public static final double SYNTHETIC_NOISE_SD = 0.5;
    /** The lower bound of {@code linear-synthetic}'s uniform inputs. */
    public static final double SYNTHETIC_X_MIN = -5.0;
    /** The upper bound of {@code linear-synthetic}'s uniform inputs. */
    public static final double SYNTHETIC_X_MAX = 5.0;
    /** The number of rows of {@code linear-synthetic}. */
    public static final int SYNTHETIC_ROWS = 500;
    /** The seed of {@code linear-synthetic}. */
    public static final long SYNTHETIC_SEED = 42L;

    private LinearData() {}

    /**
     * Returns the {@code linear-synthetic} table: 500 rows of {@code y = 2x + 4 + N(0, 0.5²)}, x in [-5, 5).
     *
     * @return a new table with columns {@code x} and {@code y}
     */
    public static Table synthetic() {
        return generate(
                SYNTHETIC_ROWS,
                new double[] {SYNTHETIC_W},
                SYNTHETIC_B,
                SYNTHETIC_NOISE_SD,
                SYNTHETIC_X_MIN,
                SYNTHETIC_X_MAX,
                SYNTHETIC_SEED);
    }

    /**
     * Draws {@code n} rows of {@code y = x·w + b + N(0, noiseSd²)} with every input uniform in [xMin, xMax).
     *
     * <p>The same arguments always give the same table: {@link Random}'s algorithm is fixed by its
     * specification, and each row draws its inputs first, then its noise.
     *
     * @param n the number of rows, at least 1
     * @param w the true weights, one per feature
     * @param b the true bias
     * @param noiseSd the noise's standard deviation, 0 for none
     * @param xMin the inputs' lower bound
     * @param xMax the inputs' upper bound, above {@code xMin}
     * @param seed the random seed
     * @return a table with feature columns {@code x} (one feature) or {@code x1..xd}, then label {@code y}
     */
    public static Table generate(int n, double[] w, double b, double noiseSd, double xMin, double xMax, long seed) {
        int d = w.length;
        if (n < 1 || d < 1) {
            throw new IllegalArgumentException("need at least one row and one weight, got n=" + n + ", d=" + d);
        }
        if (!(noiseSd >= 0) || !Double.isFinite(noiseSd) || !(xMin < xMax) || !Double.isFinite(xMax - xMin)) {
            throw new IllegalArgumentException(
                    "need 0 <= noiseSd and finite xMin < xMax, got " + noiseSd + ", [" + xMin + ", " + xMax + ")");
        }
        if ((long) n * (d + 1) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many values: " + n + " rows x " + (d + 1) + " columns");
        }
        Random random = new Random(seed);
        float[] values = new float[n * (d + 1)];
        for (int row = 0; row < n; row++) {
            int offset = row * (d + 1);
            double y = b;
            for (int j = 0; j < d; j++) {
                // The label is computed from the stored float, so the table follows the truth exactly.
                float x = (float) (xMin + (xMax - xMin) * random.nextDouble());
                values[offset + j] = x;
                y += w[j] * x;
            }
            values[offset + d] = (float) (y + noiseSd * random.nextGaussian());
        }
        return new Table(columns(d), n, values);
    }

    private static List<Column> columns(int d) {
        List<Column> columns = new ArrayList<>(d + 1);
        for (int j = 1; j <= d; j++) {
            columns.add(new Column(d == 1 ? "x" : "x" + j, ColumnRole.FEATURE));
        }
        columns.add(new Column("y", ColumnRole.LABEL));
        return columns;
    }
}
