package dev.lectern.examples.polynomial;

import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.Table;
import dev.lectern.plugin.api.TrainingData;
import java.util.List;
import java.util.Random;

/** Test data: y = Σ c_k x^k plus noise, x evenly spread over [−2, 2] or drawn uniformly from [−range, range]. */
final class Cubic {

    static final List<Column> COLUMNS = List.of(new Column("x", ColumnRole.FEATURE), new Column("y", ColumnRole.LABEL));

    private Cubic() {}

    /**
     * Evenly spaced inputs in [−2, 2] with a deterministic ±noise wiggle.
     *
     * @param coefficients c_0..c_d
     */
    static TrainingData table(String id, int rows, double[] coefficients, double noise) {
        float[] values = new float[rows * 2];
        for (int r = 0; r < rows; r++) {
            float x = -2f + 4f * r / (rows - 1);
            values[2 * r] = x;
            values[2 * r + 1] = (float) (eval(coefficients, x) + ((r % 3) - 1) * noise);
        }
        return data(id, rows, values);
    }

    /**
     * Uniform random inputs in [−range, range] with Gaussian noise of the given standard deviation.
     *
     * @param coefficients c_0..c_d
     */
    static TrainingData random(String id, int rows, double[] coefficients, double noiseSd, double range, long seed) {
        Random random = new Random(seed);
        float[] values = new float[rows * 2];
        for (int r = 0; r < rows; r++) {
            float x = (float) (range * (2 * random.nextDouble() - 1));
            values[2 * r] = x;
            values[2 * r + 1] = (float) (eval(coefficients, x) + noiseSd * random.nextGaussian());
        }
        return data(id, rows, values);
    }

    static double eval(double[] coefficients, double x) {
        double y = 0;
        for (int k = coefficients.length - 1; k >= 0; k--) {
            y = y * x + coefficients[k];
        }
        return y;
    }

    private static TrainingData data(String id, int rows, float[] values) {
        return TrainingData.of(
                new DatasetInfo(id, id, DatasetKind.TABLE, COLUMNS, "test polynomial"),
                new Table(COLUMNS, rows, values));
    }
}
