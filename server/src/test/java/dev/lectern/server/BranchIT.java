package dev.lectern.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.server.testing.Http;
import dev.lectern.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Rewind and branch: a run again from the same initial weights with one change, linked to its parent. */
@Timeout(240)
class BranchIT {

    private static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED", "INTERRUPTED");

    @Test
    void aBranchStartsFromTheSameWeightsWithOneChangeAndOpensBesideItsParent(@TempDir Path dataDir) throws Exception {
        try (TestServer server = TestServer.start(dataDir, "--concurrency", "1")) {
            Http http = new Http(server.url());
            long parent = http.post(
                            "/api/experiments",
                            "{\"plugin\":\"mlp\",\"dataset\":\"xor\","
                                    + "\"params\":{\"epochs\":300,\"learningRate\":0.1}}")
                    .json()
                    .get("id")
                    .asLong();
            JsonNode done = http.awaitStatus(parent, FINAL::contains, Duration.ofSeconds(120));
            assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");

            Http.Response branched =
                    http.post("/api/experiments/" + parent + "/branch", "{\"params\":{\"learningRate\":0.3}}");
            assertThat(branched.status()).as(String.valueOf(branched.json())).isEqualTo(201);
            JsonNode child = branched.json();
            long id = child.get("id").asLong();
            assertThat(child.get("parent").asLong()).isEqualTo(parent);
            assertThat(child.get("seed").asLong())
                    .as("the same initial weights")
                    .isEqualTo(done.get("seed").asLong());
            assertThat(child.get("name").asText()).contains("learningRate 0.1 → 0.3");
            Iterator<Map.Entry<String, JsonNode>> params = child.get("params").fields();
            while (params.hasNext()) {
                Map.Entry<String, JsonNode> p = params.next();
                if (!p.getKey().equals("learningRate")) {
                    assertThat(p.getValue())
                            .as(p.getKey() + " unchanged")
                            .isEqualTo(done.get("params").get(p.getKey()));
                }
            }
            assertThat(child.get("params").get("learningRate").asDouble()).isEqualTo(0.3);
            assertThat(http.awaitStatus(id, FINAL::contains, Duration.ofSeconds(120))
                            .get("status")
                            .asText())
                    .isEqualTo("SUCCEEDED");
            JsonNode first = http.get("/api/experiments/" + parent + "/metrics")
                    .json()
                    .get("series")
                    .get("loss")
                    .get(0);
            JsonNode again = http.get("/api/experiments/" + id + "/metrics")
                    .json()
                    .get("series")
                    .get("loss")
                    .get(0);
            assertThat(again.get(1).asDouble())
                    .as("the loss before any update: the same weights, bit for bit")
                    .isEqualTo(first.get(1).asDouble());
            JsonNode compare = http.get("/api/compare?ids=" + parent + "," + id).json();
            assertThat(compare.get("differingParams").toString()).contains("learningRate");
            assertThat(compare.get("experiments")).hasSize(2);
            assertThat(text(server, "/experiments/" + id))
                    .contains("branched from")
                    .contains("href=\"/compare?ids=" + parent + "," + id + "\"");

            assertThat(http.post("/api/experiments/" + parent + "/branch", "{}")
                            .json()
                            .get("field")
                            .asText())
                    .isEqualTo("params");
            assertThat(http.post("/api/experiments/" + parent + "/branch", "{\"params\":{\"learningRate\":-1}}")
                            .json()
                            .get("field")
                            .asText())
                    .isEqualTo("learningRate");
            assertThat(http.post("/api/experiments/" + parent + "/branch", "{\"params\":{\"nope\":1}}")
                            .status())
                    .isEqualTo(400);

            HttpResponse<String> form = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.url() + "/experiments/" + parent + "/branch"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString("param=learningRate&value=0.2"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(form.statusCode()).as(form.body()).isEqualTo(303);
            assertThat(form.headers().firstValue("Location").orElse("")).startsWith("/compare?ids=" + parent + ",");
        }
    }

    @Test
    void aRunIsBranchedOnlyOnceEndedOrWhilePaused(@TempDir Path dataDir) throws Exception {
        try (TestServer server = TestServer.start(dataDir, "--concurrency", "1")) {
            Http http = new Http(server.url());
            long id = http.post(
                            "/api/experiments",
                            "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\","
                                    + "\"params\":{\"epochs\":200000,\"batchSize\":1}}")
                    .json()
                    .get("id")
                    .asLong();
            http.awaitStatus(id, "RUNNING"::equals, Duration.ofSeconds(60));
            assertThat(http.post("/api/experiments/" + id + "/branch", "{\"params\":{\"learningRate\":0.02}}")
                            .status())
                    .as("training and not paused")
                    .isEqualTo(409);
            assertThat(http.post("/api/experiments/" + id + "/control", "{\"action\":\"pause\"}")
                            .status())
                    .isEqualTo(200);
            Http.Response branched = http.post("/api/experiments/" + id + "/branch", "{\"params\":{\"epochs\":3}}");
            assertThat(branched.status()).as(String.valueOf(branched.json())).isEqualTo(201);
            assertThat(branched.json().get("status").asText()).isEqualTo("QUEUED");
            assertThat(http.post(
                                    "/api/experiments/"
                                            + branched.json().get("id").asLong() + "/branch",
                                    "{\"params\":{\"epochs\":4}}")
                            .status())
                    .as("a queued run")
                    .isEqualTo(409);
            assertThat(http.post("/api/experiments/" + id + "/cancel", "").status())
                    .isEqualTo(200);
            assertThat(http.awaitStatus(branched.json().get("id").asLong(), FINAL::contains, Duration.ofSeconds(60))
                            .get("status")
                            .asText())
                    .isEqualTo("SUCCEEDED");
        }
    }

    private static String text(TestServer server, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
