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
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps on the real server: one experiment per combination, checked up front, cancelled in one call. */
@Timeout(300)
class SweepIT {

    @TempDir
    static Path dataDir;

    static TestServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        http = new Http(server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aTwoByThreeGridCreatesSixRunsThatAllFinish() throws Exception {
        Http.Response created = http.post(
                "/api/sweeps",
                "{\"plugin\":\"linear-regression\",\"dataset\":\"linear-synthetic\","
                        + "\"name\":\"rates\",\"params\":{\"optimizer\":\"sgd\"},"
                        + "\"grid\":{\"learningRate\":[0.001,0.01,0.1],\"epochs\":[100,200]}}");
        assertThat(created.status()).as(String.valueOf(created.json())).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("total").asInt()).isEqualTo(6);
        Set<String> combinations = new HashSet<>();
        for (JsonNode run : created.json().get("experiments")) {
            combinations.add(run.get("params").get("learningRate").asDouble() + "/"
                    + run.get("params").get("epochs").asInt());
            assertThat(run.get("params").get("optimizer").asText()).isEqualTo("sgd");
            http.awaitStatus(run.get("id").asLong(), "SUCCEEDED"::equals, Duration.ofSeconds(120));
        }
        assertThat(combinations)
                .containsExactlyInAnyOrder("0.001/100", "0.001/200", "0.01/100", "0.01/200", "0.1/100", "0.1/200");

        JsonNode sweep = http.get("/api/sweeps/" + id).json();
        assertThat(sweep.get("done").asInt()).isEqualTo(6);
        assertThat(sweep.get("grid").get("learningRate")).hasSize(3);
        assertThat(http.get("/api/experiments?tag=sweep-" + id)
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(6);
        String page = text("/sweeps/" + id);
        assertThat(page).contains("6 of 6 done").contains("id=\"parallel\"").contains("best loss");
        assertThat(page.split("id=\"sweep-run-")).hasSize(7);
    }

    @Test
    void aBadGridIsRefusedBeforeAnyRunIsCreated() {
        long before = http.get("/api/experiments").json().get("total").asLong();
        Http.Response badValue = http.post(
                "/api/sweeps",
                "{\"plugin\":\"linear-regression\",\"dataset\":\"linear-synthetic\","
                        + "\"grid\":{\"learningRate\":[0.01,-1]}}");
        assertThat(badValue.status()).isEqualTo(400);
        assertThat(badValue.json().get("field").asText()).isEqualTo("learningRate");
        Http.Response unknown = http.post(
                "/api/sweeps",
                "{\"plugin\":\"linear-regression\",\"dataset\":\"linear-synthetic\"," + "\"grid\":{\"colour\":[1,2]}}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asText()).isEqualTo("grid");
        Http.Response tooMany = http.post(
                "/api/sweeps",
                "{\"plugin\":\"linear-regression\",\"dataset\":\"linear-synthetic\","
                        + "\"grid\":{\"learningRate\":[0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1.0,1.1],"
                        + "\"epochs\":[1,2,3,4,5,6,7,8,9,10]}}");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("error").asText()).contains("110 combinations");
        assertThat(http.get("/api/experiments").json().get("total").asLong()).isEqualTo(before);
    }

    @Test
    void cancellingASweepStopsTheRunningAndTheQueuedRuns() throws Exception {
        Http.Response created = http.post(
                "/api/sweeps",
                "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\","
                        + "\"params\":{\"epochs\":150000,\"batchSize\":1},\"grid\":{\"learningRate\":[0.001,0.002,0.003]}}");
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        long first = created.json().get("experiments").get(0).get("id").asLong();
        http.awaitStatus(first, "RUNNING"::equals, Duration.ofSeconds(60));

        Http.Response cancelled = http.post("/api/sweeps/" + id + "/cancel", "");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("cancelled").asInt()).isEqualTo(3);
        for (JsonNode run : created.json().get("experiments")) {
            http.awaitStatus(run.get("id").asLong(), "CANCELLED"::equals, Duration.ofSeconds(60));
        }
        assertThat(http.get("/api/sweeps/" + id).json().get("done").asInt()).isEqualTo(3);
    }

    private static String text(String path) throws Exception {
        HttpResponse<String> response = http.client()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
