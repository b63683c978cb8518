package dev.lectern.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.server.testing.Http;
import dev.lectern.server.testing.TestServer;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What survives a restart, and what a crash leaves behind. */
class RestartIT {

    private static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED", "INTERRUPTED");

    @Test
    @Timeout(120)
    void experimentsMetricsViewsAndPredictionsSurviveARestart(@TempDir Path dataDir) throws Exception {
        long id;
        JsonNode before;
        JsonNode metricsBefore;
        try (TestServer server = TestServer.start(dataDir)) {
            Http http = new Http(server.url());
            id = http.post("/api/experiments", "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\"}")
                    .json()
                    .get("id")
                    .asLong();
            before = http.awaitStatus(id, FINAL::contains, Duration.ofSeconds(60));
            metricsBefore = http.get("/api/experiments/" + id + "/metrics").json();
            server.restart();
            http = new Http(server.url());
            JsonNode after = http.get("/api/experiments/" + id).json();
            assertThat(after.get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(after.get("summary")).isEqualTo(before.get("summary"));
            assertThat(after.get("views")).isEqualTo(before.get("views"));
            assertThat(http.get("/api/experiments/" + id + "/metrics").json()).isEqualTo(metricsBefore);
            assertThat(http.post("/api/experiments/" + id + "/predict", "{\"x1\":7}")
                            .json()
                            .get("values")
                            .get("y")
                            .asDouble())
                    .as("profit at 70,000 people")
                    .isBetween(4.50, 4.56);
            String page = new String(http.client()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.url() + "/experiments/" + id))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray())
                    .body());
            assertThat(page).contains("SUCCEEDED").contains("1.16");
            HttpResponse<String> predicted = http.client()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.url() + "/experiments/" + id + "/predict"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString("x1=3.5"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(predicted.statusCode()).isEqualTo(200);
            assertThat(predicted.body())
                    .as("the no-script predict form answers on the page")
                    .contains("H(x) = 0.45");
            HttpResponse<String> refused = http.client()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.url() + "/experiments/" + id + "/predict"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString("x1=lots"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("must be a number");
        }
    }

    @Test
    @Timeout(180)
    void anExperimentRunningWhenTheProcessDiesIsInterruptedAfterRestart(@TempDir Path dataDir) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path jar = Path.of("target", "lectern.jar").toAbsolutePath();
        assertThat(jar).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(
                        java,
                        "-Xmx1g",
                        "-jar",
                        jar.toString(),
                        "--port",
                        Integer.toString(port),
                        "--data-dir",
                        dataDir.toString(),
                        "--dataset-mirror",
                        TestServer.datasetMirror().toAbsolutePath().toString()))
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("server.log").toFile())
                .start();
        long id;
        try {
            Http http = new Http("http://127.0.0.1:" + port);
            awaitUp(http, dataDir.resolve("server.log").toFile());
            id = http.post(
                            "/api/experiments",
                            "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\","
                                    + "\"params\":{\"epochs\":150000,\"batchSize\":1}}")
                    .json()
                    .get("id")
                    .asLong();
            http.awaitStatus(id, "RUNNING"::equals, Duration.ofSeconds(30));
            // Kill only once a batch of metrics is in the database: a fixed 700 ms pause was too short on a loaded
            // machine (no loss series after the restart). Then wait past H2's write delay (500 ms by default: a
            // commit reaches the file up to that much later), or a kill right after the commit loses it and the run
            // comes back QUEUED instead of INTERRUPTED.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!http.get("/api/experiments/" + id + "/metrics")
                    .json()
                    .path("series")
                    .has("loss")) {
                assertThat(System.nanoTime())
                        .as("a first batch of metrics within 60 s")
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
            Thread.sleep(1500);
        } finally {
            process.destroyForcibly().waitFor();
        }
        try (TestServer server = TestServer.start(dataDir)) {
            Http http = new Http(server.url());
            JsonNode after = http.get("/api/experiments/" + id).json();
            assertThat(after.get("status").asText()).isEqualTo("INTERRUPTED");
            assertThat(after.get("error").asText()).contains("stopped");
            assertThat(http.get("/api/experiments/" + id + "/metrics")
                            .json()
                            .get("series")
                            .get("loss")
                            .size())
                    .as("metrics flushed before the crash are kept")
                    .isPositive();
            long next = http.post(
                            "/api/experiments",
                            "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\","
                                    + "\"params\":{\"epochs\":3}}")
                    .json()
                    .get("id")
                    .asLong();
            assertThat(next)
                    .as("ids stay dense after a crash (H2 lost 32 cached ids before)")
                    .isEqualTo(id + 1);
        }
    }

    @Test
    @Timeout(120)
    void aSecondServerOnTheSameDataDirectoryRefusesInOneLine(@TempDir Path dataDir) throws Exception {
        try (TestServer first = TestServer.start(dataDir)) {
            Path jar = Path.of("target", "lectern.jar").toAbsolutePath();
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process second = new ProcessBuilder(List.of(
                            java, "-Xmx512m", "-jar", jar.toString(), "--port", "0", "--data-dir", dataDir.toString()))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(second.waitFor()).as(output).isEqualTo(1);
            List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).as(output).hasSize(1);
            assertThat(lines.get(0)).contains("is in use by another Lectern").contains(dataDir.toString());
            assertThat(new Http(first.url()).get("/api/plugins").status())
                    .as("the first one carries on")
                    .isEqualTo(200);
        }
    }

    private static void awaitUp(Http http, File log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.get("/api/plugins").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("server did not start:\n" + Files.readString(log.toPath()));
    }
}
