package dev.lectern.datasets.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lectern.plugin.api.Table;
import org.junit.jupiter.api.Test;

class CirclesTest {

    @Test
    void deterministicWith300RowsAndBalancedLabels01() {
        Table table = Circles.standard();

        assertThat(table.values()).containsExactly(Circles.standard().values());
        assertThat(table.rows()).isEqualTo(300);
        assertThat(table.names(new int[] {0, 1, 2})).containsExactly("x1", "x2", "class");
        assertThat(BlobsTest.counts(table.label(), 2)).containsExactly(150, 150);
        assertThat(Circles.generate(300, 0.5, 0.08, 1).values()).isNotEqualTo(table.values());
    }

    @Test
    void outerPointsLieNearRadiusOneAndInnerNearTheFactor() {
        Table table = Circles.standard();
        float[] v = table.values();
        double[] sum = new double[2];
        for (int r = 0; r < table.rows(); r++) {
            sum[(int) v[3 * r + 2]] += Math.hypot(v[3 * r], v[3 * r + 1]);
        }
        assertThat(sum[0] / 150).isCloseTo(1.0, within(0.03));
        assertThat(sum[1] / 150).isCloseTo(Circles.FACTOR, within(0.03));
    }

    @Test
    void theRadiusSeparatesTheClassesButBothShareTheOriginAsCentre() {
        Table table = Circles.standard();
        float[] v = table.values();
        int right = 0;
        double[][] centre = new double[2][2];
        for (int r = 0; r < table.rows(); r++) {
            int c = (int) v[3 * r + 2];
            right += (Math.hypot(v[3 * r], v[3 * r + 1]) < 0.75 ? 1 : 0) == c ? 1 : 0;
            centre[c][0] += v[3 * r] / 150.0;
            centre[c][1] += v[3 * r + 1] / 150.0;
        }
        assertThat(right / 300.0).isGreaterThanOrEqualTo(0.98);
        // Both class means sit near the origin: a linear model has no direction to separate them along.
        for (double[] mean : centre) {
            assertThat(Math.hypot(mean[0], mean[1])).isLessThan(0.2);
        }
    }

    @Test
    void theBestStraightLineGetsAboutSeventyPercentAsTheDescriptionSays() {
        Table table = Circles.standard();
        float[] v = table.values();
        int best = 0;
        for (int degrees = 0; degrees < 360; degrees += 2) {
            double angle = Math.toRadians(degrees);
            for (double offset = -1.5; offset <= 1.5; offset += 0.02) {
                int right = 0;
                for (int r = 0; r < table.rows(); r++) {
                    int outer = Math.cos(angle) * v[3 * r] + Math.sin(angle) * v[3 * r + 1] > offset ? 0 : 1;
                    right += outer == (int) v[3 * r + 2] ? 1 : 0;
                }
                best = Math.max(best, right);
            }
        }
        assertThat(best / 300.0).isBetween(0.6, 0.75);
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThatThrownBy(() -> Circles.generate(1, 0.5, 0.1, 1)).hasMessageContaining("two rows");
        assertThatThrownBy(() -> Circles.generate(10, 1, 0.1, 1)).hasMessageContaining("inner radius");
        assertThatThrownBy(() -> Circles.generate(10, 0.5, Double.NaN, 1)).hasMessageContaining("noise");
    }
}
