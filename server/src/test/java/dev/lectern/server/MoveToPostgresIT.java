package dev.lectern.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.server.store.Database;
import dev.lectern.server.store.Jdbc;
import dev.lectern.server.store.MoveCommand;
import dev.lectern.server.testing.Http;
import dev.lectern.server.testing.TestDatabase;
import dev.lectern.server.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving up: a history made on the embedded H2 file (runs, a sweep, an upload, metrics, texts, artifacts) is copied
 * into PostgreSQL by {@code lectern move}; the server on PostgreSQL then shows the same rows and checksums, predicts
 * with the moved model, and numbers new runs after the moved ones.
 */
@ExtendWith(TestDatabase.OnPostgres.class)
class MoveToPostgresIT {

    private static final List<String> COUNTED = List.of(
            "experiments",
            "run_params",
            "sweeps",
            "metrics",
            "metric_summaries",
            "metric_rollups",
            "metric_texts",
            "artifacts",
            "uploaded_datasets",
            "uploaded_dataset_columns",
            "lessons",
            "lesson_runs",
            "run_events");

    @Test
    @Timeout(300)
    void everyRowAndChecksumMovesFromH2ToPostgres(@TempDir Path dataDir, TestDatabase postgres) throws Exception {
        Map<String, Long> before;
        List<String> checksums;
        String prediction;
        long lastId;
        try (TestServer server = TestServer.start(dataDir)) {
            Http http = new Http(server.url());
            long linear = http.post(
                            "/api/experiments",
                            "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\","
                                    + "\"params\":{\"epochs\":50}}")
                    .json()
                    .get("id")
                    .asLong();
            long hello = http.post(
                            "/api/experiments",
                            "{\"plugin\":\"char-rnn\",\"dataset\":\"hello\",\"params\":{\"epochs\":5}}")
                    .json()
                    .get("id")
                    .asLong();
            JsonNode sweep = http.post(
                            "/api/sweeps",
                            "{\"plugin\":\"linear-regression\",\"dataset\":\"linear-synthetic\","
                                    + "\"params\":{\"epochs\":5},\"grid\":{\"learningRate\":[0.01,0.1]}}")
                    .json();
            Http.Response lesson = http.post("/api/lessons", LessonsIT.LESSON);
            long lessonRun = http.post(
                            "/api/l/" + lesson.json().get("code").asText() + "/run",
                            "{\"answer\":\"fall\",\"params\":{\"learningRate\":0.01}}")
                    .json()
                    .get("id")
                    .asLong();
            for (long id : List.of(
                    linear,
                    hello,
                    lessonRun,
                    sweep.get("experiments").get(0).get("id").asLong(),
                    sweep.get("experiments").get(1).get("id").asLong())) {
                http.awaitStatus(id, s -> !s.equals("QUEUED") && !s.equals("RUNNING"), Duration.ofSeconds(120));
            }
            prediction = http.post("/api/experiments/" + linear + "/predict", "{\"x1\":3.5}")
                    .json()
                    .get("text")
                    .asText();
            lastId = lessonRun;
        }
        try (Database h2 = Database.open(
                "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("lectern"))) {
            before = counts(new Jdbc(h2.dataSource()));
            checksums = new Jdbc(h2.dataSource())
                    .query(
                            "SELECT experiment_id || ' ' || path || ' ' || sha256 FROM artifacts "
                                    + "ORDER BY experiment_id, path",
                            rs -> rs.getString(1));
        }
        assertThat(before.get("metrics")).isPositive();
        assertThat(before.get("metric_texts")).isPositive();
        assertThat(checksums).isNotEmpty();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MoveCommand.run(
                new String[] {"--to", postgres.jdbcUrl(), "--data-dir", dataDir.toString()},
                Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("experiments");

        try (Database pg = Database.open(postgres.jdbcUrl())) {
            Jdbc jdbc = new Jdbc(pg.dataSource());
            assertThat(counts(jdbc)).isEqualTo(before);
            assertThat(jdbc.query(
                            "SELECT experiment_id || ' ' || path || ' ' || sha256 FROM artifacts "
                                    + "ORDER BY experiment_id, path",
                            rs -> rs.getString(1)))
                    .isEqualTo(checksums);
        }
        int again = MoveCommand.run(
                new String[] {"--to", postgres.jdbcUrl(), "--data-dir", dataDir.toString()},
                Map.of(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(again)
                .as("a second move into the now full database is refused")
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("empty database");

        try (TestServer server = TestServer.start(dataDir, "--jdbc-url", postgres.jdbcUrl())) {
            Http http = new Http(server.url());
            assertThat(http.get("/api/experiments?size=1").json().get("total").asLong())
                    .isEqualTo(before.get("experiments"));
            assertThat(http.post("/api/experiments/1/predict", "{\"x1\":3.5}")
                            .json()
                            .get("text")
                            .asText())
                    .isEqualTo(prediction);
            assertThat(dev.lectern.server.testing.RawHttp.send(
                                    server.port(),
                                    "GET /api/experiments/1/artifacts.zip HTTP/1.1\n" + "Host: 127.0.0.1",
                                    null)
                            .status())
                    .as("checksums verified on download")
                    .isEqualTo(200);
            long next = http.post(
                            "/api/experiments",
                            "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\","
                                    + "\"params\":{\"epochs\":3}}")
                    .json()
                    .get("id")
                    .asLong();
            assertThat(next).as("new runs are numbered after the moved ones").isEqualTo(lastId + 1);
        }
    }

    private static Map<String, Long> counts(Jdbc jdbc) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String table : COUNTED) {
            counts.put(
                    table,
                    jdbc.queryOne("SELECT COUNT(*) FROM " + table, rs -> rs.getLong(1))
                            .orElse(0L));
        }
        return counts;
    }
}
