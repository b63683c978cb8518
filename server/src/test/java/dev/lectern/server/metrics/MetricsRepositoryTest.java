package dev.lectern.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.server.store.Database;
import dev.lectern.server.store.Jdbc;
import dev.lectern.server.testing.StoreTest;
import dev.lectern.server.testing.StoredRuns;
import dev.lectern.server.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Batched points, their summaries and series, and texts, the same on H2 and PostgreSQL. */
class MetricsRepositoryTest {

    @StoreTest
    void batchesOfPointsReadBackAsSeriesAndSummaries(TestDatabase db) {
        try (Database database = db.open()) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            long id = StoredRuns.insert(jdbc, "RUNNING");
            long other = StoredRuns.insert(jdbc, "RUNNING");
            MetricsRepository metrics = new MetricsRepository(jdbc);
            // Names that a linguistic collation orders otherwise: upper case first, "_" before lower-case letters.
            List<MetricPoint> batch = new ArrayList<>();
            for (int step = 0; step < 1000; step++) {
                batch.add(new MetricPoint("loss", step, 1.0 / (step + 1)));
                batch.add(new MetricPoint("loss_val", step, 2.0 / (step + 1)));
            }
            batch.add(new MetricPoint("Loss", 0, 3.0));
            batch.add(new MetricPoint("lossA", 0, 4.0));
            batch.add(new MetricPoint("accuracy/test", 1, 0.5, true));
            metrics.insert(id, batch);
            metrics.insert(
                    id,
                    List.of(
                            new MetricPoint("accuracy/test", 2, 0.75, true),
                            new MetricPoint("loss", 1000, Double.POSITIVE_INFINITY)));
            metrics.insert(other, List.of(new MetricPoint("zzz", 5, -1e300), new MetricPoint("Zzz", 5, 1e-300)));

            List<String> order = List.of("Loss", "accuracy/test", "loss", "lossA", "loss_val");
            assertThat(metrics.metricNames())
                    .containsExactly("Loss", "Zzz", "accuracy/test", "loss", "lossA", "loss_val", "zzz");
            Map<String, List<double[]>> series = metrics.series(id, Integer.MAX_VALUE);
            assertThat(series.keySet()).containsExactlyElementsOf(order);
            assertThat(series.get("loss")).hasSize(1001);
            assertThat(series.get("loss").get(999)).containsExactly(999, 1.0 / 1000);
            assertThat(series.get("loss").get(1000)).containsExactly(1000, Double.POSITIVE_INFINITY);
            assertThat(series.get("accuracy/test")).containsExactly(new double[] {1, 0.5}, new double[] {2, 0.75});
            assertThat(metrics.series(id, 100).get("loss_val")).hasSizeLessThanOrEqualTo(100);
            assertThat(metrics.series(id, 100, Set.of("Loss")).keySet()).containsExactly("Loss");
            assertThat(metrics.series(other, 10).get("zzz")).containsExactly(new double[] {5, -1e300});
            assertThat(metrics.series(other, 10).get("Zzz")).containsExactly(new double[] {5, 1e-300});

            Map<Long, List<MetricSummary>> summaries = metrics.summaries(List.of(other, id));
            assertThat(summaries.keySet()).containsExactly(id, other);
            assertThat(summaries.get(id)).extracting(MetricSummary::name).containsExactlyElementsOf(order);
            MetricSummary loss = summaries.get(id).get(2);
            assertThat(loss.points()).isEqualTo(1001);
            assertThat(loss.lastStep()).isEqualTo(1000);
            assertThat(loss.lastValue()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(loss.minValue()).isEqualTo(1.0 / 1000);
            assertThat(loss.minStep()).isEqualTo(999);
            assertThat(loss.maxValue()).as("infinity is no extreme").isEqualTo(1.0);
            assertThat(loss.perEpoch()).isFalse();
            MetricSummary accuracy = summaries.get(id).get(1);
            assertThat(accuracy.perEpoch()).isTrue();
            assertThat(accuracy.bestValue()).isEqualTo(0.75);
            assertThat(metrics.lastValues(List.of(id, other), "accuracy/test")).containsExactly(Map.entry(id, 0.75));
            assertThat(metrics.summaries(List.of())).isEmpty();
        }
    }

    @StoreTest
    void textsComeBackNewestLastInReportOrder(TestDatabase db) {
        try (Database database = db.open()) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            long id = StoredRuns.insert(jdbc, "RUNNING");
            long other = StoredRuns.insert(jdbc, "RUNNING");
            MetricsRepository metrics = new MetricsRepository(jdbc);
            metrics.insertTexts(
                    id, List.of(new MetricText("sample", 1, "first"), new MetricText("sample", 1, "second")));
            metrics.insertTexts(other, List.of(new MetricText("sample", 1, "elsewhere")));
            metrics.insertTexts(
                    id, List.of(new MetricText("sample", 2, "third ünïcödé ✓"), new MetricText("note", 0, "fourth")));
            metrics.insertTexts(id, List.of());

            assertThat(metrics.texts(id, 10))
                    .extracting(MetricText::text)
                    .containsExactly("first", "second", "third ünïcödé ✓", "fourth");
            assertThat(metrics.texts(id, 2))
                    .containsExactly(
                            new MetricText("sample", 2, "third ünïcödé ✓"), new MetricText("note", 0, "fourth"));
            assertThat(metrics.texts(other, 10)).extracting(MetricText::text).containsExactly("elsewhere");
        }
    }
}
