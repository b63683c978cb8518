package dev.lectern.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.server.store.Database;
import dev.lectern.server.store.Jdbc;
import dev.lectern.server.testing.StoredRuns;
import dev.lectern.server.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Metric points per second one PostgreSQL takes from N runs writing at once (N = 1, 2, 4, 8), each through
 * {@link MetricsRepository#insert} in batches as a run's sink flushes them (points, summaries, roll-ups), over the
 * server's own pool of 8 connections. Run with {@code -Pbenchmark} and {@code -Dlectern.test.postgres=...}.
 */
@Tag("benchmark")
@ExtendWith(TestDatabase.OnPostgres.class)
class PostgresWritesBenchmark {

    /** Points per batch: a run reporting 3 metrics per step at a few thousand steps a second, flushed every 250 ms. */
    private static final int BATCH = 1_500;

    private static final String[] METRICS = {"loss", "accuracy/train", "learningRate"};
    private static final long SECONDS = 6;

    @Test
    void pointsPerSecondFromConcurrentWriters(TestDatabase db) throws Exception {
        try (Database database = db.open()) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            MetricsRepository metrics = new MetricsRepository(jdbc);
            write(jdbc, metrics, 1, 2);
            for (int writers : new int[] {1, 2, 4, 8}) {
                long[] result = write(jdbc, metrics, writers, SECONDS);
                double seconds = result[1] / 1e9;
                System.out.printf(
                        "BENCH postgres writes: %d writer%s, batches of %,d points: %,.0f points/s "
                                + "(%,d points in %.1f s, %.1f ms per batch)%n",
                        writers,
                        writers == 1 ? "" : "s",
                        BATCH,
                        result[0] / seconds,
                        result[0],
                        seconds,
                        seconds * 1000 * writers / (result[0] / (double) BATCH));
                assertThat(result[0]).isPositive();
            }
        }
    }

    /** Writes from {@code writers} threads, each its own run, for about {@code seconds}; returns points and nanos. */
    private static long[] write(Jdbc jdbc, MetricsRepository metrics, int writers, long seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            long start = System.nanoTime();
            long deadline = start + seconds * 1_000_000_000L;
            List<Future<Long>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                long id = StoredRuns.insert(jdbc, "RUNNING");
                done.add(pool.submit(() -> {
                    long points = 0;
                    long step = 0;
                    while (System.nanoTime() < deadline) {
                        List<MetricPoint> batch = new ArrayList<>(BATCH);
                        while (batch.size() < BATCH) {
                            for (String name : METRICS) {
                                batch.add(new MetricPoint(name, step, Math.exp(-step / 1e5) + (step % 7) * 1e-3));
                            }
                            step++;
                        }
                        metrics.insert(id, batch);
                        points += batch.size();
                    }
                    return points;
                }));
            }
            long points = 0;
            for (Future<Long> f : done) {
                points += f.get();
            }
            return new long[] {points, System.nanoTime() - start};
        } finally {
            pool.shutdown();
        }
    }
}
