package dev.lectern.plugin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProbabilitiesTest {

    @Test
    void softmaxSumsToOneAndSurvivesHugeLogits() {
        double[] p = Probabilities.softmax(new double[] {1000, 1001, 999});
        assertThat(p[0] + p[1] + p[2]).isCloseTo(1, within(1e-12));
        assertThat(p[1]).isCloseTo(Math.exp(1) / (1 + Math.exp(1) + Math.exp(-1)), within(1e-12));
        assertThat(Probabilities.argMax(p)).isEqualTo(1);
    }

    @Test
    void argMaxTakesTheFirstOfATie() {
        assertThat(Probabilities.argMax(new double[] {0.2, 0.4, 0.4})).isEqualTo(1);
    }
}
