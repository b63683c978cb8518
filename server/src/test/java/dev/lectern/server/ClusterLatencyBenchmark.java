package dev.lectern.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.server.testing.Http;
import dev.lectern.server.testing.NodeProcess;
import dev.lectern.server.testing.TestDatabase;
import dev.lectern.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * How fast the queue and the live relay are, embedded and across processes on PostgreSQL (loopback): the time from
 * "Run" (the create request) to RUNNING on an idle worker, p50/p95 over sequential runs, and the time a live event
 * takes from a worker's notification to the web node's Server-Sent Events stream. Prints the figures; asserts only
 * that every run trained. Run with
 * {@code LECTERN_TEST_POSTGRES=jdbc:postgresql://127.0.0.1:PORT/postgres?user=postgres mvn -B -Pbenchmark verify
 * -pl '!plugins/archetype' -Dtest=ClusterLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=none}.
 */
@Tag("benchmark")
@ExtendWith(TestDatabase.OnPostgres.class)
class ClusterLatencyBenchmark {

    private static final int RUNS = 30;
    private static final int EVENTS = 300;
    private static final String TINY =
            "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\",\"params\":{\"epochs\":5}}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void runToRunningAndLiveRelay(@TempDir Path dir, TestDatabase db) throws Exception {
        List<Double> embedded;
        try (TestServer server = TestServer.start(dir.resolve("embedded"), "--concurrency", "1")) {
            embedded = runToRunning(new Http(server.url()));
        }
        List<Double> distributed;
        List<Double> relay;
        try (NodeProcess web = NodeProcess.web(
                        dir.resolve("web"), "--jdbc-url", db.jdbcUrl(), "--concurrency", "0", "--name", "web");
                NodeProcess worker = NodeProcess.worker(
                        dir.resolve("w1"),
                        NodeProcess.bundledPlugins(),
                        "--jdbc-url",
                        db.jdbcUrl(),
                        "--name",
                        "w1",
                        "--concurrency",
                        "1")) {
            Http http = new Http(web.url());
            distributed = runToRunning(http);
            assertThat(worker.log()).as("the worker trained them").contains("trains on cpu");
            relay = relay(http, web.url(), db.jdbcUrl());
        }
        System.out.println("ClusterLatencyBenchmark (loopback, " + RUNS + " sequential runs, " + EVENTS + " events):");
        print("Run -> RUNNING, embedded (H2, one JVM)", embedded);
        print("Run -> RUNNING, web node + worker process (PostgreSQL)", distributed);
        print("worker notification -> web node's SSE", relay);
    }

    /** Creates tiny runs one after another on an idle queue; each one's wait is its start minus its creation. */
    private static List<Double> runToRunning(Http http) throws Exception {
        for (int i = 0; i < 3; i++) {
            http.awaitStatus(
                    http.post("/api/experiments", TINY).json().get("id").asLong(),
                    "SUCCEEDED"::equals,
                    Duration.ofSeconds(120));
        }
        List<Double> waits = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long id = http.post("/api/experiments", TINY).json().get("id").asLong();
            JsonNode done =
                    http.awaitStatus(id, s -> !s.equals("QUEUED") && !s.equals("RUNNING"), Duration.ofSeconds(120));
            assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
            Instant created = Instant.parse(done.get("createdAt").asText());
            Instant started = Instant.parse(done.get("startedAt").asText());
            waits.add(Duration.between(created, started).toNanos() / 1e6);
        }
        return waits;
    }

    /**
     * Sends live events as a worker does (a NOTIFY on the live channel) for a run that waits (a GPU run on a store
     * without GPU workers), and times each from before the notification to its arrival on the web node's stream.
     */
    private static List<Double> relay(Http http, String web, String jdbcUrl) throws Exception {
        long id = http.post(
                        "/api/experiments",
                        "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\"," + "\"device\":\"gpu\"}")
                .json()
                .get("id")
                .asLong();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        HttpResponse<Stream<String>> response = http.client()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create(web + "/api/experiments/" + id + "/events"))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS);
        Thread reader = new Thread(() -> {
            try {
                response.body()
                        .filter(l -> l.startsWith("data:") && l.contains("sentAtNanos"))
                        .forEach(l -> {
                            try {
                                long sent = JSON.readTree(l.substring(5).trim())
                                        .get("sentAtNanos")
                                        .asLong();
                                latencies.add((System.nanoTime() - sent) / 1e6);
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        });
            } catch (java.io.UncheckedIOException closed) {
                // The stream is closed once every event was timed.
            }
        });
        reader.setDaemon(true);
        reader.start();
        Thread.sleep(500);
        try (Connection c = DriverManager.getConnection(jdbcUrl);
                PreparedStatement notify = c.prepareStatement("SELECT pg_notify('lectern_live', ?)")) {
            for (int i = 0; i < EVENTS; i++) {
                notify.setString(
                        1,
                        "bench\t" + id + "\tprogress\t{\"done\":" + i + ",\"total\":0,\"sentAtNanos\":"
                                + System.nanoTime() + "}");
                notify.executeQuery().close();
                Thread.sleep(10);
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (latencies.size() < EVENTS && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        response.body().close();
        http.post("/api/experiments/" + id + "/cancel", "");
        assertThat(latencies).as("every event arrived").hasSize(EVENTS);
        return new ArrayList<>(latencies);
    }

    private static void print(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "  %-56s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n",
                what,
                sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
                sorted.get(sorted.size() - 1));
    }
}
