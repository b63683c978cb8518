package dev.lectern.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.server.metrics.MetricSummary;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where the runs table says a best value fell. */
class FormatsTest {

    @Test
    void bestOfAPerEpochMetricIsAtItsEpoch() {
        MetricSummary accuracy = new MetricSummary("accuracy/test", 3, 3, 0.8, 1L, 0.7, 2L, 0.9, true);
        assertThat(Formats.bestAt(accuracy, Optional.of(1875L))).isEqualTo("epoch 2");
    }

    @Test
    void bestOfAPerStepMetricNamesItsEpochWhenTheRunDeclaredOne() {
        MetricSummary loss = new MetricSummary("loss", 4, 5625, 0.05, 4210L, 0.01, 0L, 2.3, false);
        assertThat(Formats.bestAt(loss, Optional.of(1875L))).isEqualTo("step 4210 · epoch 3");
        assertThat(Formats.bestAt(loss, Optional.empty())).isEqualTo("step 4210");
    }

    @Test
    void noFiniteValueMeansNoBest() {
        MetricSummary diverged = new MetricSummary("loss", 1, 3, Double.NaN, null, null, null, null, false);
        assertThat(Formats.bestAt(diverged, Optional.of(10L))).isEmpty();
    }
}
