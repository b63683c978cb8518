package dev.lectern.datasets.gen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.plugin.api.Table;
import org.junit.jupiter.api.Test;

class XorTest {

    @Test
    void isTheLecturesFourRowTruthTable() {
        Table table = Xor.table();

        assertThat(table.rows()).isEqualTo(4);
        assertThat(table.names(new int[] {0, 1, 2})).containsExactly("x1", "x2", "y");
        assertThat(table.featureIndices()).containsExactly(0, 1);
        assertThat(table.values()).containsExactly(0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0);
    }

    @Test
    void everyCallReturnsItsOwnArray() {
        Xor.table().values()[2] = 7;

        assertThat(Xor.table().values()[2]).isZero();
    }

    @Test
    void noLineGetsAllFourRight() {
        // Try every line w1·x1 + w2·x2 + b > 0 on a grid of weights: the best any gets is 3 of 4.
        Table table = Xor.table();
        float[] v = table.values();
        int best = 0;
        for (double w1 = -2; w1 <= 2; w1 += 0.25) {
            for (double w2 = -2; w2 <= 2; w2 += 0.25) {
                for (double b = -2; b <= 2; b += 0.25) {
                    int right = 0;
                    for (int r = 0; r < 4; r++) {
                        int predicted = w1 * v[3 * r] + w2 * v[3 * r + 1] + b > 0 ? 1 : 0;
                        right += predicted == (int) v[3 * r + 2] ? 1 : 0;
                    }
                    best = Math.max(best, right);
                }
            }
        }
        assertThat(best).isEqualTo(3);
    }
}
