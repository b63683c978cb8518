package dev.lectern.plugin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DropoutMasksTest {

    @Test
    void dropsTheRateAndScalesTheRest() {
        int n = 1_000_001;
        float[] mask = new float[n];
        new DropoutMasks(5, 0.3).fill(mask, n);
        int dropped = 0;
        for (float v : mask) {
            if (v == 0f) {
                dropped++;
            } else {
                assertThat(v).isEqualTo(1f / 0.7f);
            }
        }
        assertThat(dropped / (double) n).isCloseTo(0.3, within(0.002));
    }

    @Test
    void theSeedFixesTheMasks() {
        float[] a = new float[999];
        float[] b = new float[999];
        float[] c = new float[999];
        DropoutMasks first = new DropoutMasks(7, 0.5);
        DropoutMasks second = new DropoutMasks(7, 0.5);
        first.fill(a, 999);
        second.fill(b, 999);
        assertThat(b).isEqualTo(a);
        first.fill(c, 999);
        assertThat(c).as("the next mask").isNotEqualTo(a);
        assertThat(new DropoutMasks(8, 0.5)).satisfies(other -> {
            float[] d = new float[999];
            other.fill(d, 999);
            assertThat(d).as("another seed's mask").isNotEqualTo(a);
        });
    }

    @Test
    void rateZeroKeepsEveryUnitAndBadRatesAreRefused() {
        float[] mask = new float[10];
        new DropoutMasks(1, 0).fill(mask, 10);
        assertThat(mask).containsOnly(1f);
        assertThatThrownBy(() -> new DropoutMasks(1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DropoutMasks(1, -0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
