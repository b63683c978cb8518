package dev.lectern.server;

import dev.lectern.server.store.Database;
import dev.lectern.server.store.Jdbc;
import dev.lectern.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runs table over a large history: 10 000 experiments and 5 000 000 metric points in the H2 file database, then
 * the page's answer time for common filters and sorts. Run with {@code mvn -B -Pbenchmark -pl server -am verify};
 * prints figures, asserts only that the pages answer.
 */
@Tag("benchmark")
class RunsPageBenchmark {

    private static final int EXPERIMENTS = 10_000;
    private static final int POINTS_PER_RUN = 500;
    private static final String[] PLUGINS = {"linear-regression", "logistic-regression", "mlp", "cnn"};
    private static final String[] DATASETS = {"ex1data1", "ex2data1", "xor", "mnist", "two-blobs"};
    private static final String[] STATUSES = {"SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "FAILED", "CANCELLED"};

    @Test
    void tenThousandRunsAndFiveMillionPoints(@TempDir Path dataDir) throws Exception {
        long fill = System.nanoTime();
        try (Database database = Database.open("jdbc:h2:file:" + dataDir.resolve("lectern"))) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            OffsetDateTime start = OffsetDateTime.now().minusDays(30);
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < EXPERIMENTS; i++) {
                OffsetDateTime created = start.plusMinutes(i * 4L);
                rows.add(new Object[] {
                    "run " + i + (i % 97 == 0 ? " food truck" : ""),
                    PLUGINS[i % PLUGINS.length],
                    "0.1.0",
                    DATASETS[i % DATASETS.length],
                    "{\"learningRate\":" + (0.001 * (1 + i % 10)) + ",\"epochs\":" + (100 + i % 50) + "}",
                    "cpu",
                    i,
                    STATUSES[i % STATUSES.length],
                    created,
                    created.plusSeconds(1),
                    created.plusSeconds(5 + i % 300),
                    i % 10 == 0 ? ",sweep," : "",
                    i % 13 == 0 ? "notes about the run" : ""
                });
            }
            jdbc.batch(
                    "INSERT INTO experiments (name, plugin_id, plugin_version, dataset_id, params_json, device, seed, status, "
                            + "created_at, started_at, finished_at, tags, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows);
            // Generated inside the database: 5 million rows through JDBC batches would take minutes.
            long first = jdbc.queryOne("SELECT MIN(id) FROM experiments", rs -> rs.getLong(1))
                    .orElseThrow();
            jdbc.update(
                    "INSERT INTO metrics (experiment_id, name, step, metric_value) "
                            + "SELECT ? + (x - 1) / " + POINTS_PER_RUN + ", CASE WHEN MOD(x - 1, " + POINTS_PER_RUN
                            + ") < 480 "
                            + "THEN 'loss' ELSE 'accuracy/test' END, "
                            + "CASE WHEN MOD(x - 1, " + POINTS_PER_RUN + ") < 480 THEN MOD(x - 1, " + POINTS_PER_RUN
                            + ") "
                            + "ELSE MOD(x - 1, " + POINTS_PER_RUN + ") - 480 END, "
                            + "CASE WHEN MOD(x - 1, " + POINTS_PER_RUN + ") < 480 THEN (1 + RAND()) * EXP(-MOD(x - 1, "
                            + POINTS_PER_RUN
                            + ") / 100.0) ELSE 0.9 + 0.004 * (MOD(x - 1, " + POINTS_PER_RUN
                            + ") - 480) + 0.01 * RAND() END "
                            + "FROM SYSTEM_RANGE(1, " + (long) EXPERIMENTS * POINTS_PER_RUN + ")",
                    first);
            // The same summary the server keeps as points arrive (and the V7 migration computes for old runs).
            jdbc.update("INSERT INTO metric_summaries (experiment_id, name, points, last_step, last_value, min_step, "
                    + "min_value, max_step, max_value) SELECT experiment_id, name, COUNT(*), MAX(step), "
                    + "MAX(CASE WHEN (name = 'loss' AND step = 479) OR (name = 'accuracy/test' AND step = 19) THEN metric_value END), 0, MIN(metric_value), 0, "
                    + "MAX(metric_value) FROM metrics GROUP BY experiment_id, name");
        }
        double fillSeconds = (System.nanoTime() - fill) / 1e9;
        System.out.printf(
                "BENCH runs page: filled %,d experiments and %,d metric points in %.1f s%n",
                EXPERIMENTS, (long) EXPERIMENTS * POINTS_PER_RUN, fillSeconds);

        try (TestServer server = TestServer.start(dataDir)) {
            HttpClient client = HttpClient.newHttpClient();
            for (String query : List.of(
                    "",
                    "?sort=best:loss&dir=asc",
                    "?plugin=mlp&status=SUCCEEDED",
                    "?q=food&sort=duration",
                    "?tag=sweep&sort=last:accuracy/test",
                    "?page=400",
                    "?dataset=mnist&sort=name&dir=asc&page=50")) {
                URI uri = URI.create(server.url() + "/experiments" + query);
                for (int warm = 0; warm < 5; warm++) {
                    send(client, uri);
                }
                double[] ms = new double[21];
                for (int r = 0; r < ms.length; r++) {
                    long t = System.nanoTime();
                    send(client, uri);
                    ms[r] = (System.nanoTime() - t) / 1e6;
                }
                Arrays.sort(ms);
                System.out.printf(
                        "BENCH runs page /experiments%s: median %.1f ms, max %.1f ms (%d requests)%n",
                        query, ms[ms.length / 2], ms[ms.length - 1], ms.length);
            }
        }
    }

    private static void send(HttpClient client, URI uri) throws Exception {
        HttpResponse<String> response =
                client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(uri + " answered " + response.statusCode());
        }
    }
}
