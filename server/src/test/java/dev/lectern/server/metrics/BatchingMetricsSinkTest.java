package dev.lectern.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.server.store.Database;
import dev.lectern.server.store.Jdbc;
import dev.lectern.server.testing.StoredRuns;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's points while its database is briefly away: kept, written once it is back, none twice. */
class BatchingMetricsSinkTest {

    @Test
    void pointsAFlushCouldNotWriteAreWrittenByTheNextOne(@TempDir Path dir) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (Database database = Database.open("jdbc:h2:file:" + dir.resolve("db"))) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            long id = StoredRuns.insert(jdbc, "RUNNING");
            MetricsRepository metrics = new MetricsRepository(jdbc);
            try (BatchingMetricsSink sink = new BatchingMetricsSink(
                    id, metrics, new LiveHub(Object::toString), (done, total) -> {}, steps -> {}, scheduler)) {
                for (int step = 0; step < 10; step++) {
                    sink.report("loss", step, 10 - step);
                }
                // The table gone for a moment, as a restarting server is: the real statement fails.
                jdbc.update("ALTER TABLE metrics RENAME TO metrics_away");
                assertThatThrownBy(sink::flush).isInstanceOf(MetricsRepository.NotStoredException.class);
                jdbc.update("ALTER TABLE metrics_away RENAME TO metrics");
                for (int step = 10; step < 15; step++) {
                    sink.report("loss", step, 10 - step);
                }
                sink.flush();
            }
            List<double[]> loss = metrics.series(id, 1000).get("loss");
            assertThat(loss).hasSize(15);
            for (int i = 0; i < loss.size(); i++) {
                assertThat(loss.get(i)[0]).as("step %d once, in order", i).isEqualTo(i);
            }
        } finally {
            scheduler.shutdownNow();
        }
    }
}
