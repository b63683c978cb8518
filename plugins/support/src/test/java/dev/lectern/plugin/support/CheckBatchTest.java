package dev.lectern.plugin.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CheckBatchTest {

    @Test
    void drawsDistinctRowsInOrderFixedByTheSeed() {
        int[] rows = CheckBatch.rows(97, 16, 42);
        assertThat(rows).hasSize(16).isSorted().doesNotHaveDuplicates();
        assertThat(Arrays.stream(rows).allMatch(r -> r >= 0 && r < 97)).isTrue();
        assertThat(CheckBatch.rows(97, 16, 42)).isEqualTo(rows);
        assertThat(CheckBatch.rows(97, 16, 43)).isNotEqualTo(rows);
    }

    @Test
    void aSmallTableGivesEveryRow() {
        assertThat(CheckBatch.rows(4, 16, 42)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void selectsTheRowsAsDoubles() {
        float[] values = {1, 2, 3, 4, 5, 6};
        assertThat(CheckBatch.select(values, 2, new int[] {0, 2})).containsExactly(1, 2, 5, 6);
    }
}
