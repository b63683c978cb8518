package dev.lectern.server;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.lectern.server.metrics.MetricPoint;
import dev.lectern.server.metrics.MetricsRepository;
import dev.lectern.server.store.Database;
import dev.lectern.server.store.Jdbc;
import dev.lectern.server.testing.Browser;
import dev.lectern.server.testing.TestServer;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compare page with 20 runs of 100 000 points each, in headless Chromium: the time from navigation until every
 * curve is drawn. Run with {@code mvn -B -Pbenchmark -pl server -am verify}; prints figures.
 */
@Tag("benchmark")
class CompareRenderBenchmark {

    private static final int RUNS = 20;
    private static final int POINTS = 100_000;

    @Test
    void twentyRunsOfAHundredThousandPoints(@TempDir Path dataDir) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Database database = Database.open("jdbc:h2:file:" + dataDir.resolve("lectern"))) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            MetricsRepository metrics = new MetricsRepository(jdbc);
            long writeStart = System.nanoTime();
            for (int r = 0; r < RUNS; r++) {
                OffsetDateTime created = OffsetDateTime.now().minusHours(RUNS - r);
                long id = jdbc.insert(
                        "INSERT INTO experiments (name, plugin_id, plugin_version, dataset_id, params_json, device, "
                                + "seed, status, created_at, started_at, finished_at) VALUES (?, 'linear-regression', '0.2.0', "
                                + "'ex1data1', ?, 'cpu', 42, 'SUCCEEDED', ?, ?, ?)",
                        "run " + r,
                        "{\"learningRate\":" + (0.001 * (r + 1)) + ",\"epochs\":" + POINTS + "}",
                        created,
                        created,
                        created.plusMinutes(5));
                ids.add(id);
                // Through the repository in sink-sized batches, as a run writes them: points, summary and groups.
                List<MetricPoint> batch = new ArrayList<>();
                java.util.Random random = new java.util.Random(r);
                for (int step = 0; step < POINTS; step++) {
                    batch.add(new MetricPoint(
                            "loss", step, (1 + r / 10.0) * Math.exp(-step / 20000.0) + 0.05 * random.nextDouble()));
                    if (batch.size() == 1000) {
                        metrics.insert(id, batch);
                        batch.clear();
                    }
                }
                metrics.insert(id, batch);
            }
            System.out.printf(
                    "BENCH compare setup: %,d points written through MetricsRepository.insert in %.1f s (%.0f points/s)%n",
                    (long) RUNS * POINTS,
                    (System.nanoTime() - writeStart) / 1e9,
                    RUNS * POINTS / ((System.nanoTime() - writeStart) / 1e9));
        }
        String query = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        try (TestServer server = TestServer.start(dataDir);
                Browser browser = Browser.launch();
                BrowserContext context = browser.newContext()) {
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            double[] api = new double[5];
            for (int i = 0; i < api.length; i++) {
                long start = System.nanoTime();
                client.send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(server.url() + "/api/compare?ids=" + query))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                api[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(api);
            System.out.printf(
                    "BENCH compare api: /api/compare for %d runs x %,d points: median %.0f ms%n", RUNS, POINTS, api[2]);
            Page page = context.newPage();
            page.setDefaultTimeout(120_000);
            double[] ms = new double[5];
            for (int i = 0; i < ms.length; i++) {
                long start = System.nanoTime();
                page.navigate(server.url() + "/compare?ids=" + query);
                page.waitForSelector("canvas#compare-loss[data-curves=\"" + RUNS + "\"]");
                // One animation frame after Chart.js drew: the curves are on screen.
                page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))");
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            Browser.screenshot(page, "compare-20-runs");
            Arrays.sort(ms);
            System.out.printf(
                    "BENCH compare page: %d runs x %,d points (downsampled on the server to <= 2 000 each): "
                            + "navigation to drawn curves median %.0f ms, max %.0f ms (%d loads)%n",
                    RUNS, POINTS, ms[ms.length / 2], ms[ms.length - 1], ms.length);
        }
    }
}
