package dev.lectern.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.server.store.Database;
import dev.lectern.server.store.Jdbc;
import dev.lectern.server.testing.StoreTest;
import dev.lectern.server.testing.StoredRuns;
import dev.lectern.server.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Long curves are drawn from their rolled-up groups without losing their shape, on H2 and PostgreSQL. */
class CurveRollupsTest {

    private static final int POINTS = 100_003;
    private static final int SPIKE_STEP = 54_321;
    private static final int DIP_STEP = 77_777;

    @StoreTest
    void aLongCurveIsReadFromItsGroupsKeepingEndsSpikeAndDip(TestDatabase db) {
        try (Database database = db.open()) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            long id = StoredRuns.insert(jdbc, "RUNNING");
            MetricsRepository metrics = new MetricsRepository(jdbc);
            // As the sink writes: batches of a few hundred points, a few times a second.
            List<MetricPoint> batch = new ArrayList<>();
            for (int step = 0; step < POINTS; step++) {
                batch.add(new MetricPoint("loss", step, value(step)));
                if (batch.size() == 700) {
                    metrics.insert(id, batch);
                    batch.clear();
                }
            }
            metrics.insert(id, batch);

            long groups = jdbc.queryOne(
                            "SELECT COUNT(*) FROM metric_rollups WHERE experiment_id = ?", rs -> rs.getLong(1), id)
                    .orElseThrow();
            assertThat(groups).as("complete groups of %d", CurveRollups.GROUP).isEqualTo(POINTS / CurveRollups.GROUP);

            List<double[]> drawn = metrics.series(id, 2000, Set.of("loss")).get("loss");
            assertThat(drawn).hasSizeBetween(1000, 2000);
            assertShape(drawn);
            List<double[]> all = metrics.series(id, 2000).get("loss");
            assertThat(all).hasSameSizeAs(drawn);
            assertThat(metrics.series(id, Integer.MAX_VALUE).get("loss"))
                    .as("exports read every raw point")
                    .hasSize(POINTS);
        }
    }

    @StoreTest
    void aRunFromBeforeRollupsIsRolledUpTheFirstTimeItIsDrawn(TestDatabase db) {
        try (Database database = db.open()) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            long id = StoredRuns.insert(jdbc, "RUNNING");
            // Points and summary written as an older server wrote them: no groups.
            jdbc.update(
                    "INSERT INTO metrics (experiment_id, name, step, metric_value) SELECT ?, 'loss', x - 1, "
                            + "CASE WHEN x - 1 = ? THEN 1000000 WHEN x - 1 = ? THEN -5 "
                            + "ELSE 1 + EXP(CAST(1 - x AS DOUBLE PRECISION) / 20000) END "
                            + "FROM " + db.numbersUpToParameter(),
                    id,
                    SPIKE_STEP,
                    DIP_STEP,
                    POINTS);
            jdbc.update(
                    "INSERT INTO metric_summaries (experiment_id, name, points, last_step, last_value) "
                            + "VALUES (?, 'loss', ?, ?, 1)",
                    id,
                    POINTS,
                    POINTS - 1);
            MetricsRepository metrics = new MetricsRepository(jdbc);

            List<double[]> drawn = metrics.series(id, 2000, Set.of("loss")).get("loss");
            assertShape(drawn);
            assertThat(jdbc.queryOne(
                                    "SELECT COUNT(*) FROM metric_rollups WHERE experiment_id = ?",
                                    rs -> rs.getLong(1),
                                    id)
                            .orElseThrow())
                    .isEqualTo(POINTS / CurveRollups.GROUP);
            assertThat(metrics.series(id, 2000, Set.of("loss")).get("loss"))
                    .as("the second read, from the groups")
                    .usingElementComparator(CurveRollupsTest::compare)
                    .containsExactlyElementsOf(drawn);
        }
    }

    @StoreTest
    void shortCurvesAreReadRaw(TestDatabase db) {
        try (Database database = db.open()) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            long id = StoredRuns.insert(jdbc, "RUNNING");
            MetricsRepository metrics = new MetricsRepository(jdbc);
            List<MetricPoint> points = new ArrayList<>();
            for (int step = 0; step < 5000; step++) {
                points.add(new MetricPoint("loss", step, value(step)));
            }
            metrics.insert(id, points);
            // 5 000 points for a 2 000-point chart: the groups (4 of every 32 points) would draw fewer than asked.
            List<double[]> drawn = metrics.series(id, 2000).get("loss");
            assertThat(drawn)
                    .usingElementComparator(CurveRollupsTest::compare)
                    .containsExactlyElementsOf(MinMaxDownsampler.downsample(rawPoints(points), 2000));
        }
    }

    private static void assertShape(List<double[]> drawn) {
        assertThat(drawn.get(0)).containsExactly(0, value(0));
        assertThat(drawn.get(drawn.size() - 1))
                .as("the tail after the last complete group")
                .containsExactly(POINTS - 1, value(POINTS - 1));
        assertThat(drawn).anySatisfy(p -> assertThat(p).containsExactly(SPIKE_STEP, 1_000_000));
        assertThat(drawn).anySatisfy(p -> assertThat(p).containsExactly(DIP_STEP, -5));
        for (int i = 1; i < drawn.size(); i++) {
            assertThat(drawn.get(i)[0]).as("steps ascend").isGreaterThan(drawn.get(i - 1)[0]);
        }
    }

    private static double value(int step) {
        return step == SPIKE_STEP ? 1_000_000 : step == DIP_STEP ? -5 : 1 + Math.exp(-step / 20000.0);
    }

    private static List<double[]> rawPoints(List<MetricPoint> points) {
        return points.stream().map(p -> new double[] {p.step(), p.value()}).toList();
    }

    private static int compare(double[] a, double[] b) {
        return a[0] == b[0] && a[1] == b[1] ? 0 : 1;
    }
}
