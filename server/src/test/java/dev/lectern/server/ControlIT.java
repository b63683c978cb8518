package dev.lectern.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.server.testing.Http;
import dev.lectern.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Holding a run in one's hands (issue #17) through {@code POST /api/experiments/{id}/control}: pause, single steps,
 * a live learning rate and resume on the real linear-regression plugin; the answers for runs that cannot be held and
 * for bad requests; the pause limit; and paused time left out of the time limit.
 */
class ControlIT {

    private static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED", "INTERRUPTED");
    /** Full-batch steps on ex1data1: far more than any test waits for, within the server's examples per run. */
    private static final String LONG_RUN =
            "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\",\"params\":{\"epochs\":200000}}";

    @TempDir
    static Path dataDir;

    @TempDir
    static Path otherDataDir;

    static TestServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir, "--pause-limit", "4s");
        http = new Http(server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @Timeout(120)
    void pauseStepThreeChangeAlphaAndResume() throws Exception {
        long id = running(http, LONG_RUN);
        expectError(control(http, id, "{\"set\":{\"epochs\":5}}"), 400, "epochs");
        expectError(control(http, id, "{\"set\":{\"learningRate\":100}}"), 400, "learningRate");
        expectError(control(http, id, "{\"action\":\"jump\"}"), 400, "action");
        expectError(control(http, id, "{\"action\":\"step\",\"n\":0}"), 400, "n");
        expectError(control(http, id, "{}"), 400, "action");
        expectError(control(http, id, "{\"action\":\"step\",\"n\":3}"), 409, null);

        Http.Response paused = control(http, id, "{\"action\":\"pause\"}");
        assertThat(paused.status()).as(paused.json().toString()).isEqualTo(200);
        assertThat(paused.json().get("paused").asBoolean()).isTrue();
        assertThat(paused.json().get("status").asText()).isEqualTo("RUNNING");
        long at = awaitPausedAt(http, id);
        Thread.sleep(500);
        assertThat(progress(http, id)).as("a paused run makes no progress").isEqualTo(at);

        assertThat(control(http, id, "{\"action\":\"step\",\"n\":3}").status()).isEqualTo(200);
        awaitProgress(http, id, at + 3);
        Thread.sleep(500);
        assertThat(progress(http, id)).as("step 3 advances exactly 3 steps").isEqualTo(at + 3);

        Http.Response set = control(http, id, "{\"set\":{\"learningRate\":0.015}}");
        assertThat(set.status()).as(set.json().toString()).isEqualTo(200);
        assertThat(control(http, id, "{\"action\":\"step\",\"n\":1}").status()).isEqualTo(200);
        awaitProgress(http, id, at + 4);

        Http.Response resumed = control(http, id, "{\"action\":\"resume\"}");
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.json().get("paused").asBoolean()).isFalse();
        JsonNode run = http.get("/api/experiments/" + id).json();
        assertThat(run.get("paused").asBoolean()).isFalse();
        List<String> events = new ArrayList<>();
        run.get("events").forEach(e -> events.add(e.toString()));
        assertThat(events)
                .containsExactly(
                        "{\"step\":" + at + ",\"kind\":\"pause\"}",
                        "{\"step\":" + at + ",\"kind\":\"step\",\"n\":3}",
                        "{\"step\":" + (at + 3) + ",\"kind\":\"step\",\"n\":1}",
                        "{\"step\":" + (at + 3)
                                + ",\"kind\":\"set\",\"name\":\"learningRate\",\"from\":0.01,\"to\":0.015}",
                        "{\"step\":" + (at + 4) + ",\"kind\":\"resume\"}");
        // Training goes on from where it was held.
        long resumedAt = progress(http, id);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (progress(http, id) <= resumedAt + 10 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(progress(http, id)).isGreaterThan(resumedAt + 10);
        assertThat(http.post("/api/experiments/" + id + "/cancel", "").status()).isEqualTo(200);
        JsonNode done = http.awaitStatus(id, FINAL::contains, Duration.ofSeconds(20));
        assertThat(done.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(done.get("events")).hasSize(5);
        expectError(control(http, id, "{\"action\":\"pause\"}"), 409, null);
    }

    @Test
    @Timeout(60)
    void aFinishedRunCannotBeHeld() throws Exception {
        JsonNode created = http.post(
                        "/api/experiments",
                        "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\",\"params\":{\"epochs\":5}}")
                .json();
        long id = created.get("id").asLong();
        http.awaitStatus(id, FINAL::contains, Duration.ofSeconds(30));
        expectError(control(http, id, "{\"action\":\"pause\"}"), 409, null);
        expectError(control(http, id, "{\"set\":{\"learningRate\":0.1}}"), 409, null);
        assertThat(control(http, 999_999, "{\"action\":\"pause\"}").status()).isEqualTo(404);
    }

    @Test
    @Timeout(60)
    void aPauseLongerThanTheLimitEndsTheRunCancelledWithTheReason() throws Exception {
        long id = running(http, LONG_RUN);
        assertThat(control(http, id, "{\"action\":\"pause\"}").status()).isEqualTo(200);
        long at = awaitPausedAt(http, id);
        JsonNode done = http.awaitStatus(id, FINAL::contains, Duration.ofSeconds(20));
        assertThat(done.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(done.get("error").asText())
                .isEqualTo("paused for longer than the pause limit of 4 s (setting --pause-limit)");
        assertThat(done.get("paused").asBoolean()).isFalse();
        assertThat(done.get("progress").get("done").asLong()).isEqualTo(at);
        assertThat(done.get("events").get(0).get("kind").asText()).isEqualTo("pause");
    }

    @Test
    @Timeout(90)
    void pausedTimeDoesNotCountAgainstTheTimeLimit() throws Exception {
        try (TestServer limited = TestServer.start(otherDataDir, "--time-limit", "3s")) {
            Http other = new Http(limited.url());
            long id = running(other, LONG_RUN);
            assertThat(control(other, id, "{\"action\":\"pause\"}").status()).isEqualTo(200);
            awaitPausedAt(other, id);
            Thread.sleep(4_500);
            JsonNode run = other.get("/api/experiments/" + id).json();
            assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("RUNNING");
            assertThat(run.get("paused").asBoolean()).isTrue();
            assertThat(other.post("/api/experiments/" + id + "/cancel", "").status())
                    .isEqualTo(200);
            JsonNode done = other.awaitStatus(id, FINAL::contains, Duration.ofSeconds(20));
            assertThat(done.get("status").asText())
                    .as("a paused run ends at once when cancelled")
                    .isEqualTo("CANCELLED");
        }
    }

    private static Http.Response control(Http http, long id, String body) {
        return http.post("/api/experiments/" + id + "/control", body);
    }

    private static void expectError(Http.Response response, int status, String field) {
        assertThat(response.status()).as(response.json().toString()).isEqualTo(status);
        assertThat(response.json().get("error").asText()).isNotBlank();
        if (field != null) {
            assertThat(response.json().get("field").asText()).isEqualTo(field);
        }
    }

    /** Creates a run and waits until it trains (its control is open once its first progress is stored). */
    static long running(Http http, String body) throws InterruptedException {
        Http.Response created = http.post("/api/experiments", body);
        assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode run = http.get("/api/experiments/" + id).json();
            assertThat(FINAL)
                    .as("run %d ended before it could be held: %s", id, run)
                    .doesNotContain(run.get("status").asText());
            if (run.get("progress").get("done").asLong() > 0) {
                return id;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("run " + id + " did not start training");
    }

    /** Waits until the paused run stands at a step boundary and its stored progress says so; returns that step. */
    static long awaitPausedAt(Http http, long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode run;
        do {
            run = http.get("/api/experiments/" + id).json();
            JsonNode events = run.get("events");
            if (events.size() > 0
                    && "pause".equals(events.get(0).get("kind").asText())
                    && run.get("progress").get("done").asLong()
                            == events.get(0).get("step").asLong()) {
                return events.get(0).get("step").asLong();
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("run " + id + " did not pause: " + run);
    }

    private static long progress(Http http, long id) {
        return http.get("/api/experiments/" + id)
                .json()
                .get("progress")
                .get("done")
                .asLong();
    }

    private static void awaitProgress(Http http, long id, long step) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (progress(http, id) < step && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(progress(http, id)).isEqualTo(step);
    }
}
