package dev.lectern.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.server.store.Database;
import dev.lectern.server.store.Jdbc;
import dev.lectern.server.testing.StoreTest;
import dev.lectern.server.testing.StoredRuns;
import dev.lectern.server.testing.TestDatabase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The last and best values kept per metric as points arrive in batches, on H2 and PostgreSQL. */
class MetricSummariesTest {

    @StoreTest
    void lastAndExtremesFollowEveryBatchAndSkipNaN(TestDatabase db) {
        try (Database database = db.open()) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            long id = StoredRuns.insert(jdbc, "RUNNING");
            MetricsRepository metrics = new MetricsRepository(jdbc);

            metrics.insert(
                    id,
                    List.of(
                            new MetricPoint("loss", 0, 2.0),
                            new MetricPoint("loss", 1, 0.5),
                            new MetricPoint("accuracy/test", 1, 0.8)));
            metrics.insert(
                    id,
                    List.of(
                            new MetricPoint("loss", 2, Double.NaN),
                            new MetricPoint("loss", 3, 0.7),
                            new MetricPoint("accuracy/test", 2, 0.9),
                            new MetricPoint("accuracy/test", 3, 0.85)));

            List<MetricSummary> summaries = metrics.summaries(List.of(id)).get(id);
            MetricSummary accuracy = summaries.get(0);
            MetricSummary loss = summaries.get(1);
            assertThat(loss.name()).isEqualTo("loss");
            assertThat(loss.points()).isEqualTo(4);
            assertThat(loss.lastStep()).isEqualTo(3);
            assertThat(loss.lastValue()).isEqualTo(0.7);
            assertThat(loss.bestValue()).as("lowest loss").isEqualTo(0.5);
            assertThat(loss.bestStep()).isEqualTo(1);
            assertThat(loss.maxValue()).isEqualTo(2.0);
            assertThat(accuracy.bestValue()).as("highest accuracy").isEqualTo(0.9);
            assertThat(accuracy.bestStep()).isEqualTo(2);
            assertThat(accuracy.lastValue()).isEqualTo(0.85);
            assertThat(metrics.metricNames()).containsExactly("accuracy/test", "loss");
        }
    }

    @StoreTest
    void perEpochMetricsKeepTheirUnitAndTellTheEpochOfTheirBest(TestDatabase db) {
        try (Database database = db.open()) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            long id = StoredRuns.insert(jdbc, "RUNNING");
            MetricsRepository metrics = new MetricsRepository(jdbc);
            // 100 steps per epoch: the loss is lowest at step 150 (epoch 2), the accuracy highest after epoch 2.
            metrics.insert(
                    id,
                    List.of(
                            new MetricPoint("loss", 0, 2.0),
                            new MetricPoint("loss", 100, 1.0),
                            new MetricPoint("accuracy/test", 1, 0.7, true)));
            metrics.insert(
                    id,
                    List.of(
                            new MetricPoint("loss", 150, 0.4),
                            new MetricPoint("loss", 300, 0.6),
                            new MetricPoint("accuracy/test", 2, 0.9, true),
                            new MetricPoint("accuracy/test", 3, 0.8, true)));

            List<MetricSummary> summaries = metrics.summaries(List.of(id)).get(id);
            MetricSummary accuracy = summaries.get(0);
            MetricSummary loss = summaries.get(1);
            assertThat(accuracy.perEpoch()).isTrue();
            assertThat(loss.perEpoch()).isFalse();
            Optional<Long> steps = Optional.of(100L);
            assertThat(accuracy.bestEpoch(steps)).hasValue(2);
            assertThat(accuracy.bestEpoch(Optional.empty()))
                    .as("its own unit needs no conversion")
                    .hasValue(2);
            assertThat(loss.bestEpoch(steps)).as("step 150 lies in epoch 2").hasValue(2);
            assertThat(loss.bestEpoch(Optional.empty())).as("epochs unknown").isEmpty();
            assertThat(new MetricSummary("loss", 1, 0, 1.0, 0L, 1.0, 0L, 1.0, false).bestEpoch(steps))
                    .as("step 0 is before training")
                    .hasValue(0);
            assertThat(new MetricSummary("loss", 1, 100, 1.0, 100L, 1.0, 100L, 1.0, false).bestEpoch(steps))
                    .as("the last step of epoch 1")
                    .hasValue(1);
        }
    }

    @Test
    void bestMeansLargestOnlyForMetricsWhereLargerIsBetter() {
        assertThat(MetricSummary.higherIsBetter("accuracy/test")).isTrue();
        assertThat(MetricSummary.higherIsBetter("P(right next char)/1: h→e")).isTrue();
        assertThat(MetricSummary.higherIsBetter("imagesPerSecond")).isTrue();
        assertThat(MetricSummary.higherIsBetter("loss")).isFalse();
        assertThat(MetricSummary.higherIsBetter("rmse/lstm")).isFalse();
        assertThat(MetricSummary.higherIsBetter("perplexity")).isFalse();
        assertThat(MetricSummary.higherIsBetter("gradNorm/layer 1")).isFalse();
    }
}
