package dev.lectern.datasets.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.Table;
import org.junit.jupiter.api.Test;

class LinearDataTest {

    private static Table draw(long seed) {
        return LinearData.generate(200, new double[] {2}, 4, 0.5, -5, 5, seed);
    }

    @Test
    void sameSeedGivesIdenticalValues() {
        assertThat(draw(7).values()).containsExactly(draw(7).values());
        assertThat(LinearData.synthetic().values())
                .containsExactly(LinearData.synthetic().values());
    }

    @Test
    void differentSeedGivesDifferentValues() {
        assertThat(draw(7).values()).isNotEqualTo(draw(8).values());
    }

    @Test
    void syntheticTableHasTheDocumentedShapeAndRange() {
        Table table = LinearData.synthetic();

        assertThat(table.rows()).isEqualTo(LinearData.SYNTHETIC_ROWS).isEqualTo(500);
        assertThat(table.names(new int[] {0, 1})).containsExactly("x", "y");
        assertThat(table.columns().get(0).role()).isEqualTo(ColumnRole.FEATURE);
        assertThat(table.columns().get(1).role()).isEqualTo(ColumnRole.LABEL);
        for (float x : table.features()) {
            assertThat(x).isBetween(-5f, 5f);
        }
    }

    @Test
    void leastSquaresFitOfSyntheticDataRecoversTheTruth() {
        Table table = LinearData.synthetic();
        float[] x = table.features();
        float[] y = table.label();
        double meanX = mean(x);
        double meanY = mean(y);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - meanX) * (y[i] - meanY);
            sxx += (x[i] - meanX) * (x[i] - meanX);
        }
        double w = sxy / sxx;
        double b = meanY - w * meanX;
        double residualSd = residualSd(x, y, w, b);

        assertThat(w).isCloseTo(LinearData.SYNTHETIC_W, within(0.02 * LinearData.SYNTHETIC_W));
        assertThat(b).isCloseTo(LinearData.SYNTHETIC_B, within(0.02 * LinearData.SYNTHETIC_B));
        assertThat(residualSd).isCloseTo(LinearData.SYNTHETIC_NOISE_SD, within(0.05));
    }

    @Test
    void severalFeaturesAreNamedX1ToXdAndFollowTheWeights() {
        Table table = LinearData.generate(50, new double[] {1, -3, 0.5}, -2, 0, 0, 1, 3);

        assertThat(table.names(new int[] {0, 1, 2, 3})).containsExactly("x1", "x2", "x3", "y");
        assertThat(table.featureIndices()).containsExactly(0, 1, 2);
        float[] v = table.values();
        for (int r = 0; r < table.rows(); r++) {
            double expected = v[4 * r] - 3 * v[4 * r + 1] + 0.5 * v[4 * r + 2] - 2;
            assertThat((double) v[4 * r + 3]).isCloseTo(expected, within(1e-5));
        }
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThatThrownBy(() -> LinearData.generate(0, new double[] {1}, 0, 0, 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinearData.generate(5, new double[0], 0, 0, 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinearData.generate(5, new double[] {1}, 0, -1, 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinearData.generate(5, new double[] {1}, 0, 0, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double residualSd(float[] x, float[] y, double w, double b) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double r = y[i] - (w * x[i] + b);
            sum += r * r;
        }
        return Math.sqrt(sum / (x.length - 2));
    }
}
