package dev.lectern.datasets.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.Table;
import org.junit.jupiter.api.Test;

class BlobsTest {

    @Test
    void sameSeedGivesIdenticalTablesAndOtherSeedsDiffer() {
        assertThat(Blobs.two().values()).containsExactly(Blobs.two().values());
        assertThat(Blobs.three().values()).containsExactly(Blobs.three().values());
        assertThat(Blobs.generate(50, Blobs.TWO_CENTERS, 1, 1).values())
                .isNotEqualTo(Blobs.generate(50, Blobs.TWO_CENTERS, 1, 2).values());
    }

    @Test
    void twoBlobsHas200RowsTwoFeaturesAndBalancedLabels01() {
        Table table = Blobs.two();

        assertThat(table.rows()).isEqualTo(200);
        assertThat(table.names(new int[] {0, 1, 2})).containsExactly("x1", "x2", "class");
        assertThat(table.featureIndices()).containsExactly(0, 1);
        assertThat(table.columns().get(2).role()).isEqualTo(ColumnRole.LABEL);
        assertThat(counts(table.label(), 2)).containsExactly(100, 100);
    }

    @Test
    void threeBlobsHas300RowsAndBalancedLabels012() {
        Table table = Blobs.three();

        assertThat(table.rows()).isEqualTo(300);
        assertThat(counts(table.label(), 3)).containsExactly(100, 100, 100);
    }

    @Test
    void eachClassIsCentredOnItsCentreWithItsSpread() {
        Table table = Blobs.three();
        float[] v = table.values();
        for (int c = 0; c < 3; c++) {
            double sx = 0;
            double sy = 0;
            double sq = 0;
            int n = 0;
            for (int r = c; r < table.rows(); r += 3) {
                sx += v[3 * r];
                sy += v[3 * r + 1];
                n++;
            }
            for (int r = c; r < table.rows(); r += 3) {
                sq += Math.pow(v[3 * r] - sx / n, 2);
            }
            assertThat(sx / n).isCloseTo(Blobs.THREE_CENTERS[c][0], within(0.25));
            assertThat(sy / n).isCloseTo(Blobs.THREE_CENTERS[c][1], within(0.25));
            assertThat(Math.sqrt(sq / (n - 1))).isCloseTo(Blobs.THREE_SD, within(0.15));
        }
    }

    @Test
    void aLinearRuleClassifiesTwoBlobsAsTheDescriptionSays() {
        // The best boundary between two equal round blobs is the perpendicular bisector, x1 + x2 = 0.
        Table table = Blobs.two();
        float[] v = table.values();
        int right = 0;
        for (int r = 0; r < table.rows(); r++) {
            int predicted = v[3 * r] + v[3 * r + 1] > 0 ? 1 : 0;
            right += predicted == (int) v[3 * r + 2] ? 1 : 0;
        }
        assertThat(right / 200.0).isBetween(0.95, 0.99);
    }

    @Test
    void threeBlobsAreLinearlySeparableToAtLeast95Percent() {
        // Nearest centre is a linear rule: its boundaries are the bisectors between centres.
        Table table = Blobs.three();
        float[] v = table.values();
        int right = 0;
        for (int r = 0; r < table.rows(); r++) {
            int best = 0;
            double bestDistance = Double.MAX_VALUE;
            for (int c = 0; c < 3; c++) {
                double d = Math.hypot(v[3 * r] - Blobs.THREE_CENTERS[c][0], v[3 * r + 1] - Blobs.THREE_CENTERS[c][1]);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            right += best == (int) v[3 * r + 2] ? 1 : 0;
        }
        assertThat(right / 300.0).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThatThrownBy(() -> Blobs.generate(10, new double[][] {{0, 0}}, 1, 1))
                .hasMessageContaining("two classes");
        assertThatThrownBy(() -> Blobs.generate(1, Blobs.TWO_CENTERS, 1, 1)).hasMessageContaining("row per class");
        assertThatThrownBy(() -> Blobs.generate(10, Blobs.TWO_CENTERS, -1, 1))
                .hasMessageContaining("standard deviation");
        assertThatThrownBy(() -> Blobs.generate(10, new double[][] {{0, 0}, {1}}, 1, 1))
                .hasMessageContaining("two finite");
    }

    static int[] counts(float[] labels, int classes) {
        int[] counts = new int[classes];
        for (float label : labels) {
            assertThat(label).isEqualTo((float) Math.rint(label)).isBetween(0f, classes - 1f);
            counts[(int) label]++;
        }
        return counts;
    }
}
