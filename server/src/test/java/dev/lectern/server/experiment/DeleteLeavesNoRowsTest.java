package dev.lectern.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.server.metrics.MetricPoint;
import dev.lectern.server.metrics.MetricText;
import dev.lectern.server.metrics.MetricsRepository;
import dev.lectern.server.store.Database;
import dev.lectern.server.store.Jdbc;
import dev.lectern.server.testing.StoreTest;
import dev.lectern.server.testing.StoredRuns;
import dev.lectern.server.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;

/**
 * Deleting a run removes its rows from every table that refers to runs, found in the schema itself, so a table added
 * later without {@code ON DELETE CASCADE} fails here.
 */
class DeleteLeavesNoRowsTest {

    @StoreTest
    void everyTableWithAnExperimentIdIsEmptiedForTheDeletedRunOnly(TestDatabase db) {
        try (Database database = db.open()) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            long doomed = StoredRuns.insert(jdbc, "SUCCEEDED");
            long kept = StoredRuns.insert(jdbc, "SUCCEEDED");
            MetricsRepository metrics = new MetricsRepository(jdbc);
            long lesson = jdbc.insert(
                    "INSERT INTO lessons (code, title, instructions, plugin_id, dataset_id, fixed_json, "
                            + "editable_json, created_at) VALUES ('abc123', 'l', '', 'p', 'd', '{}', '{}', CURRENT_TIMESTAMP)");
            for (long id : List.of(doomed, kept)) {
                jdbc.update(
                        "INSERT INTO lesson_runs (lesson_id, experiment_id, student, answer, created_at) "
                                + "VALUES (?, ?, 's', 'a', CURRENT_TIMESTAMP)",
                        lesson,
                        id);
                List<MetricPoint> points = new ArrayList<>();
                for (int step = 0; step < 100; step++) {
                    points.add(new MetricPoint("loss", step, 1.0 / (step + 1)));
                }
                metrics.insert(id, points);
                metrics.insertTexts(id, List.of(new MetricText("sample", 1, "hello")));
                jdbc.update(
                        "INSERT INTO artifacts (experiment_id, path, sha256, size_bytes) VALUES (?, 'model/x', 'ab', 1)",
                        id);
                new RunEventsRepository(jdbc).insert(id, RunEvent.set(340, "learningRate", 0.01, 0.1));
                jdbc.update(
                        "INSERT INTO run_params (experiment_id, name, text_value, number_value) "
                                + "VALUES (?, 'epochs', '5', 5)",
                        id);
                new LiveViewsRepository(jdbc).save(id, 340, "[]");
            }
            // H2 keeps names in upper case, PostgreSQL in lower case; the test's schema is the connection's current
            // one.
            List<String> tables = jdbc.query(
                    "SELECT UPPER(TABLE_NAME) FROM INFORMATION_SCHEMA.COLUMNS "
                            + "WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND UPPER(COLUMN_NAME) = 'EXPERIMENT_ID' ORDER BY 1",
                    rs -> rs.getString(1));
            assertThat(tables).contains("METRICS", "METRIC_SUMMARIES", "METRIC_ROLLUPS", "METRIC_TEXTS", "ARTIFACTS");
            for (String table : tables) {
                assertThat(count(jdbc, table, doomed))
                        .as("%s rows of the run before deleting", table)
                        .isPositive();
            }

            assertThat(new ExperimentRepository(jdbc).delete(doomed)).isTrue();

            for (String table : tables) {
                assertThat(count(jdbc, table, doomed))
                        .as("%s rows left of the deleted run", table)
                        .isZero();
                assertThat(count(jdbc, table, kept))
                        .as("%s rows of the other run", table)
                        .isPositive();
            }
        }
    }

    private static long count(Jdbc jdbc, String table, long id) {
        return jdbc.queryOne("SELECT COUNT(*) FROM " + table + " WHERE experiment_id = ?", rs -> rs.getLong(1), id)
                .orElseThrow();
    }
}
