package dev.lectern.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.server.testing.Http;
import dev.lectern.server.testing.TestDatabase;
import dev.lectern.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server with {@code --jdbc-url} on PostgreSQL (see {@link TestDatabase} for the server): it trains
 * linear regression on the real ex1data1 to the course's result, and its metrics, runs table, compare, exports and
 * sweeps read back from PostgreSQL; a restart finds everything again.
 */
@Timeout(300)
@ExtendWith(TestDatabase.OnPostgres.class)
class PostgresServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    static TestServer server;
    static Http http;
    static long course;
    static long quick;

    @BeforeAll
    static void start(TestDatabase db) throws Exception {
        server = TestServer.start(dataDir, "--jdbc-url", db.jdbcUrl());
        http = new Http(server.url());
        course = create("{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\",\"name\":\"Food truck\"}");
        quick = create("{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\",\"name\":\"quick\","
                + "\"params\":{\"learningRate\":0.001,\"epochs\":300}}");
        for (long id : new long[] {course, quick}) {
            assertThat(http.awaitStatus(id, s -> !s.equals("QUEUED") && !s.equals("RUNNING"), Duration.ofSeconds(120))
                            .get("status")
                            .asText())
                    .isEqualTo("SUCCEEDED");
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void trainsEx1data1ToTheCourseResultAndReadsItsMetricsBack() {
        JsonNode done = http.get("/api/experiments/" + course).json();
        assertThat(done.get("summary").get("W").asDouble()).isCloseTo(1.166362, within(1e-3));
        assertThat(done.get("summary").get("cost").asDouble()).isCloseTo(4.483388, within(1e-3));
        assertThat(done.get("progress").get("done").asLong()).isEqualTo(1500);
        JsonNode loss = http.get("/api/experiments/" + course + "/metrics")
                .json()
                .get("series")
                .get("loss");
        assertThat(loss.get(0).get(0).asLong()).isZero();
        assertThat(loss.get(0).get(1).asDouble()).as("J(0, 0)").isCloseTo(32.072734, within(1e-3));
        assertThat(loss.get(loss.size() - 1).get(1).asDouble()).isCloseTo(4.483388, within(1e-3));
        assertThat(http.get("/api/experiments/" + course + "/metrics")
                        .json()
                        .get("series")
                        .get("loss/normal equation"))
                .hasSize(2);
    }

    @Test
    void theRunsTableSortsAndFiltersOnPostgres() {
        JsonNode byBest = http.get("/api/experiments?dataset=ex1data1&sort=best:loss&dir=asc")
                .json();
        assertThat(byBest.get("total").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(byBest.get("items").get(0).get("id").asLong())
                .as("the course run's loss is lowest")
                .isEqualTo(course);
        JsonNode byName =
                http.get("/api/experiments?dataset=ex1data1&sort=name&dir=asc").json();
        assertThat(byName.get("items").get(0).get("name").asText()).isEqualTo("Food truck");
        assertThat(byName.get("items").get(1).get("name").asText()).isEqualTo("quick");
        assertThat(http.get("/api/experiments?q=FOOD").json().get("total").asInt())
                .isEqualTo(1);
    }

    @Test
    void compareAndExportsReadEveryRunBack() throws Exception {
        JsonNode compare = http.get("/api/compare?ids=" + course + "," + quick).json();
        assertThat(compare.get("differingParams").toString())
                .contains("learningRate")
                .contains("epochs");
        assertThat(compare.get("sharedMetrics").toString()).contains("loss");
        assertThat(compare.get("experiments").get(0).get("series").get("loss").size())
                .isBetween(2, 2000);

        JsonNode listed = http.get("/api/experiments?dataset=ex1data1").json();
        long points = 0;
        for (JsonNode item : listed.get("items")) {
            if (item.get("id").asLong() == course) {
                for (JsonNode m : item.get("metrics")) {
                    points += m.get("points").asLong();
                }
            }
        }
        assertThat(points).isGreaterThanOrEqualTo(1501);
        String metrics = text("/api/experiments/metrics.csv?ids=" + course);
        assertThat(metrics).startsWith("experiment_id,name,step,value,unit");
        assertThat(metrics.split("\r\n")).hasSize((int) points + 1);
        String csv = text("/api/experiments/export.csv?dataset=ex1data1");
        assertThat(csv).contains("Food truck").contains("quick");
        JsonNode json = JSON.readTree(text("/api/experiments/export.json?ids=" + course));
        assertThat(json.get("experiments").get(0).get("metrics")).hasSize((int) points);
    }

    @Test
    void aSweepIsStoredAndItsRunsFoundByItsTag() throws Exception {
        Http.Response created = http.post(
                "/api/sweeps",
                "{\"plugin\":\"linear-regression\",\"dataset\":\"linear-synthetic\","
                        + "\"name\":\"rates\",\"grid\":{\"learningRate\":[0.01,0.1],\"epochs\":[100]}}");
        assertThat(created.status()).as(String.valueOf(created.json())).isEqualTo(201);
        long id = created.json().get("id").asLong();
        for (JsonNode run : created.json().get("experiments")) {
            http.awaitStatus(run.get("id").asLong(), "SUCCEEDED"::equals, Duration.ofSeconds(120));
        }
        JsonNode sweep = http.get("/api/sweeps/" + id).json();
        assertThat(sweep.get("done").asInt()).isEqualTo(2);
        assertThat(sweep.get("grid").get("learningRate")).hasSize(2);
        assertThat(http.get("/api/experiments?tag=sweep-" + id)
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void aRestartFindsTheRunsInPostgresAgain() {
        server.restart();
        http = new Http(server.url());
        JsonNode again = http.get("/api/experiments/" + course).json();
        assertThat(again.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(again.get("name").asText()).isEqualTo("Food truck");
        assertThat(http.get("/api/experiments/" + course + "/metrics")
                        .json()
                        .get("series")
                        .get("loss")
                        .size())
                .isPositive();
    }

    private static long create(String body) {
        Http.Response created = http.post("/api/experiments", body);
        assertThat(created.status()).as(String.valueOf(created.json())).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static String text(String path) throws Exception {
        HttpResponse<String> response = http.client()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }
}
