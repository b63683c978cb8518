package dev.lectern.plugin.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BatchOrderTest {

    @Test
    void visitsEveryRowOnceInAnOrderTheSeedFixes() {
        long[] a = BatchOrder.shuffled(1000, new Random(7));
        long[] b = BatchOrder.shuffled(1000, new Random(7));
        long[] c = BatchOrder.shuffled(1000, new Random(8));
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
        long[] sorted = a.clone();
        Arrays.sort(sorted);
        assertThat(sorted).isEqualTo(LongStream.range(0, 1000).toArray());
        assertThat(a)
                .as("shuffled, not the identity")
                .isNotEqualTo(LongStream.range(0, 1000).toArray());
    }

    @Test
    void labelsWidenBytesAsUnsigned() {
        assertThat(Labels.longs(new byte[] {0, 9, (byte) 200})).containsExactly(0, 9, 200);
        assertThat(Labels.longs(new int[] {3, 1})).containsExactly(3, 1);
    }
}
