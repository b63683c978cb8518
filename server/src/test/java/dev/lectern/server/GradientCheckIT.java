package dev.lectern.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.server.testing.Http;
import dev.lectern.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/experiments/{id}/gradient-check} on a real server: a finished linear-regression run's saved model
 * passes on every checked entry, and runs without a model to check, or of a plugin without the check, are refused
 * naming why.
 */
@Timeout(300)
class GradientCheckIT {

    private static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED", "INTERRUPTED");

    @Test
    void aFinishedRunPassesAndRunsWithoutACheckableModelAreRefusedNamingWhy(@TempDir Path dataDir) throws Exception {
        try (TestServer server = TestServer.start(dataDir, "--concurrency", "1")) {
            Http http = new Http(server.url());
            long linear = create(http, "linear-regression", "ex1data1", "{}");
            assertThat(http.awaitStatus(linear, FINAL::contains, Duration.ofSeconds(120))
                            .get("status")
                            .asText())
                    .isEqualTo("SUCCEEDED");

            Http.Response check = http.post("/api/experiments/" + linear + "/gradient-check", "");
            assertThat(check.status()).as(String.valueOf(check.json())).isEqualTo(200);
            JsonNode body = check.json();
            assertThat(body.get("passed").asBoolean()).as(body.toString()).isTrue();
            assertThat(body.get("tolerance").asDouble()).isEqualTo(1e-6);
            assertThat(body.get("batchRows").asInt()).isEqualTo(16);
            List<String> parameters = new ArrayList<>();
            for (JsonNode row : body.get("rows")) {
                parameters.add(row.get("parameter").asText());
                double analytic = row.get("analytic").asDouble();
                double numeric = row.get("numeric").asDouble();
                assertThat(row.get("passed").asBoolean()).as(row.toString()).isTrue();
                assertThat(row.get("relativeError").asDouble())
                        .as(row.toString())
                        .isLessThan(1e-6);
                // The two gradients are real numbers that agree, not two zeros: ex1data1's 16 rows pull W and b.
                assertThat(Math.abs(analytic)).as(row.toString()).isGreaterThan(1e-3);
                assertThat(Math.abs(analytic - numeric)).as(row.toString()).isLessThan(1e-6 * Math.abs(analytic));
            }
            assertThat(parameters).containsExactly("W[0, 0]", "b[0]");
            assertThat(body.get("worst").asDouble()).isLessThan(1e-6);
            assertThat(http.post("/api/experiments/" + linear + "/gradient-check", "")
                            .json()
                            .get("rows"))
                    .as("the same batch and entries each time")
                    .isEqualTo(body.get("rows"));

            // A plugin that did not opt in: refused before anything loads, whatever the run's state.
            long rnn = create(http, "char-rnn", "hello", "{\"epochs\":5}");
            Http.Response refused = http.post("/api/experiments/" + rnn + "/gradient-check", "");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("error").asText())
                    .contains("offers no gradient check")
                    .contains("char-rnn");
            http.awaitStatus(rnn, FINAL::contains, Duration.ofSeconds(120));

            // A run that trains: no saved model yet, and a paused one's weights are still in its loop.
            long busy = create(http, "linear-regression", "ex1data1", "{\"epochs\":200000,\"batchSize\":1}");
            http.awaitStatus(busy, "RUNNING"::equals, Duration.ofSeconds(60));
            Http.Response training = http.post("/api/experiments/" + busy + "/gradient-check", "");
            assertThat(training.status()).isEqualTo(409);
            assertThat(training.json().get("error").asText()).contains("is training");
            assertThat(http.post("/api/experiments/" + busy + "/control", "{\"action\":\"pause\"}")
                            .status())
                    .isEqualTo(200);
            Http.Response paused = http.post("/api/experiments/" + busy + "/gradient-check", "");
            assertThat(paused.status()).isEqualTo(409);
            assertThat(paused.json().get("error").asText()).contains("is paused");
            http.post("/api/experiments/" + busy + "/cancel", "");
            assertThat(http.awaitStatus(busy, FINAL::contains, Duration.ofSeconds(60))
                            .get("status")
                            .asText())
                    .isEqualTo("CANCELLED");
            Http.Response cancelled = http.post("/api/experiments/" + busy + "/gradient-check", "");
            assertThat(cancelled.status()).isEqualTo(409);
            assertThat(cancelled.json().get("error").asText())
                    .contains("has no trained model to check (status CANCELLED)");

            assertThat(http.post("/api/experiments/999999/gradient-check", "").status())
                    .isEqualTo(404);
            assertThat(http.post("/api/experiments/abc/gradient-check", "").status())
                    .as("an id that is no number names no run, as on every route")
                    .isEqualTo(404);

            // A page elsewhere cannot make this server work for it.
            HttpResponse<String> foreign = http.client()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create(server.url() + "/api/experiments/" + linear + "/gradient-check"))
                                    .header("Origin", "http://evil.example")
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(foreign.statusCode()).isEqualTo(403);
        }
    }

    private static long create(Http http, String plugin, String dataset, String params) {
        Http.Response created = http.post(
                "/api/experiments",
                "{\"plugin\":\"" + plugin + "\",\"dataset\":\"" + dataset + "\",\"params\":" + params + "}");
        assertThat(created.status()).as(String.valueOf(created.json())).isEqualTo(201);
        return created.json().get("id").asLong();
    }
}
