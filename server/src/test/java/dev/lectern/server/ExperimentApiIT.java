package dev.lectern.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The real server, the real linear-regression plugin jar, an H2 file and the real ex1data1 file. */
class ExperimentApiIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED", "INTERRUPTED");

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
    void listsTheBundledPluginLoadedFromItsJar() {
        JsonNode plugins = http.get("/api/plugins").json();
        JsonNode linear = find(plugins, "linear-regression");
        assertThat(linear.get("status").asText()).isEqualTo("LOADED");
        assertThat(linear.get("source").asText()).endsWith("linear-regression");
        assertThat(linear.get("params").findValuesAsText("name"))
                .contains("learningRate", "epochs", "batchSize", "optimizer", "seed");
    }

    @Test
    void rescanKeepsLoadedPluginsAndThePluginsPageListsThem() throws Exception {
        Http.Response rescanned = http.post("/api/plugins/rescan", "");
        assertThat(rescanned.status()).isEqualTo(200);
        assertThat(find(rescanned.json(), "linear-regression").get("status").asText())
                .isEqualTo("LOADED");
        HttpResponse<String> page = http.client()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url() + "/plugins"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"plugin-row-linear-regression\"").contains("id=\"rescan\"");
    }

    @Test
    @Timeout(120)
    void trainsEx1data1ToTheCourseResultAndStreamsLiveEvents() throws Exception {
        JsonNode created = created("{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\"}");
        long id = created.get("id").asLong();
        JsonNode done = http.awaitStatus(id, FINAL::contains, Duration.ofSeconds(60));

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        JsonNode summary = done.get("summary");
        assertThat(summary.get("W").asDouble()).isCloseTo(1.166362, within(1e-3));
        assertThat(summary.get("b").asDouble()).isCloseTo(-3.630291, within(1e-3));
        assertThat(summary.get("cost").asDouble()).isCloseTo(4.483388, within(1e-3));
        assertThat(summary.get("msPerEpoch").asDouble()).isPositive();
        assertThat(summary.get("W (normal equation)").asDouble()).isCloseTo(1.193034, within(1e-4));
        assertThat(summary.get("cost (normal equation)").asDouble()).isCloseTo(4.476971, within(1e-4));
        assertThat(done.get("progress").get("done").asLong()).isEqualTo(1500);

        JsonNode loss = http.get("/api/experiments/" + id + "/metrics")
                .json()
                .get("series")
                .get("loss");
        assertThat(loss.get(0).get(0).asLong()).isZero();
        assertThat(loss.get(0).get(1).asDouble()).as("J(0, 0)").isCloseTo(32.072734, within(1e-3));
        assertThat(loss.get(loss.size() - 1).get(1).asDouble()).isCloseTo(4.483388, within(1e-3));

        JsonNode reference = http.get("/api/experiments/" + id + "/metrics")
                .json()
                .get("series")
                .get("loss/normal equation");
        assertThat(reference).hasSize(2);

        JsonNode views = done.get("views");
        assertThat(views.findValuesAsText("type")).contains("XyChart", "Heatmap", "TableView");
        assertThat(views.get(0).get("type").asText()).isEqualTo("XyChart");
        assertThat(views.get(0).get("series").get(0).get("x")).hasSize(97);

        JsonNode prediction =
                http.post("/api/experiments/" + id + "/predict", "{\"x1\":3.5}").json();
        assertThat(prediction.get("values").get("y").asDouble())
                .as("profit at 35,000 people, in $10,000s")
                .isCloseTo(0.4519767868, within(2e-3));
    }

    @Test
    @Timeout(120)
    void serverSentEventsCarryProgressMetricsAndTheFinalStatus() throws Exception {
        long id = created(
                        "{\"plugin\":\"linear-regression\",\"dataset\":\"linear-synthetic\",\"params\":{\"epochs\":30000}}")
                .get("id")
                .asLong();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "/api/experiments/" + id + "/events"))
                .header("Accept", "text/event-stream")
                .build();
        List<String> events = new ArrayList<>();
        HttpResponse<Stream<String>> response = http.client().send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        String lastStatus = null;
        String lastData = null;
        try (Stream<String> lines = response.body()) {
            String event = null;
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:") && event != null) {
                    events.add(event);
                    if (event.equals("status")) {
                        lastData = line.substring(5);
                        lastStatus = MAPPER.readTree(lastData).get("status").asText();
                        if (FINAL.contains(lastStatus)) {
                            break;
                        }
                    }
                }
            }
        }
        assertThat(lastStatus).as("final status event %s", lastData).isEqualTo("SUCCEEDED");
        assertThat(events).contains("metrics", "progress");
        assertThat(events.stream().filter("metrics"::equals).count())
                .as("metric batches while training")
                .isGreaterThan(1);

        JsonNode summary = http.get("/api/experiments/" + id).json().get("summary");
        assertThat(summary.get("W").asDouble()).as("true W = 2").isCloseTo(2.0, within(0.04));
        assertThat(summary.get("b").asDouble()).as("true b = 4").isCloseTo(4.0, within(0.08));
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("{\"plugin\":\"no-such-plugin\",\"dataset\":\"ex1data1\"}", "plugin"),
                Arguments.of("{\"plugin\":\"linear-regression\",\"dataset\":\"no-such-data\"}", "dataset"),
                Arguments.of(
                        "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\",\"params\":{\"learningRate\":-1}}",
                        "learningRate"),
                Arguments.of(
                        "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\",\"params\":{\"learningRate\":\"abc\"}}",
                        "learningRate"),
                Arguments.of(
                        "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\",\"params\":{\"epochs\":1000000000}}",
                        "epochs"),
                Arguments.of(
                        "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\",\"params\":{\"optimizer\":\"rmsprop\"}}",
                        "optimizer"),
                Arguments.of(
                        "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\",\"params\":{\"momentum\":0.9}}",
                        "momentum"),
                Arguments.of(
                        "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\",\"device\":\"gpu:3\"}", "device"),
                Arguments.of("{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\",\"params\":[1]}", "params"),
                Arguments.of("not json", "body"));
    }

    @ParameterizedTest
    @MethodSource("badRequests")
    void badRequestsGet400NamingTheField(String body, String field) {
        long before = http.get("/api/experiments").json().get("total").asLong();
        Http.Response response = http.post("/api/experiments", body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("field").asText()).isEqualTo(field);
        assertThat(response.json().get("error").asText()).isNotBlank();
        assertThat(http.get("/api/experiments").json().get("total").asLong())
                .as("nothing created")
                .isEqualTo(before);
    }

    @Test
    void eventsWithoutTheEventStreamAcceptHeaderAreRefusedWithAReason() {
        Http.Response response = http.get("/api/experiments/1/events");
        assertThat(response.status()).isEqualTo(406);
        assertThat(response.json().get("error").asText()).contains("text/event-stream");
    }

    @Test
    void unknownExperimentsAre404() {
        assertThat(http.get("/api/experiments/999999").status()).isEqualTo(404);
        assertThat(http.get("/api/experiments/abc").status()).isEqualTo(404);
        assertThat(http.get("/api/experiments/abc").json().get("error").asText())
                .contains("abc");
    }

    @Test
    @Timeout(60)
    void cancelStopsARunningExperimentQuicklyAndKeepsItsMetrics() throws Exception {
        long id = created("{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\","
                        + "\"params\":{\"epochs\":150000,\"batchSize\":1}}")
                .get("id")
                .asLong();
        http.awaitStatus(id, "RUNNING"::equals, Duration.ofSeconds(20));
        Thread.sleep(500);
        long asked = System.nanoTime();
        assertThat(http.post("/api/experiments/" + id + "/cancel", "").status()).isEqualTo(200);
        JsonNode done = http.awaitStatus(id, FINAL::contains, Duration.ofSeconds(5));
        assertThat(done.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(2));
        assertThat(http.get("/api/experiments/" + id + "/metrics")
                        .json()
                        .get("series")
                        .get("loss")
                        .size())
                .isPositive();
        assertThat(http.post("/api/experiments/" + id + "/cancel", "").status())
                .as("cancel again")
                .isEqualTo(409);
    }

    @Test
    @Timeout(120)
    void twoExperimentsTrainAtTheSameTime() throws Exception {
        String body = "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\",\"params\":{\"epochs\":15000}}";
        long a = created(body).get("id").asLong();
        long b = created(body).get("id").asLong();
        http.awaitStatus(b, "RUNNING"::equals, Duration.ofSeconds(30));
        JsonNode first = http.awaitStatus(a, FINAL::contains, Duration.ofSeconds(90));
        JsonNode second = http.awaitStatus(b, FINAL::contains, Duration.ofSeconds(90));
        assertThat(first.get("status").asText()).as(first.toString()).isEqualTo("SUCCEEDED");
        assertThat(second.get("status").asText()).as(second.toString()).isEqualTo("SUCCEEDED");
        assertThat(second.get("summary").get("W").asDouble())
                .isEqualTo(first.get("summary").get("W").asDouble());
    }

    @Test
    @Timeout(60)
    void aDivergingLearningRateFailsWithTheStep() throws Exception {
        long id = created(
                        "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\",\"params\":{\"learningRate\":0.03}}")
                .get("id")
                .asLong();
        JsonNode done = http.awaitStatus(id, FINAL::contains, Duration.ofSeconds(30));
        assertThat(done.get("status").asText()).isEqualTo("FAILED");
        assertThat(done.get("error").asText()).matches("loss became NaN/Inf at step \\d+.*");
    }

    @Test
    @Timeout(60)
    void aPluginThatThrowsFailsTheExperimentWithItsMessage() throws Exception {
        long id = created("{\"plugin\":\"failing-test\",\"dataset\":\"ex1data1\",\"params\":{\"steps\":4}}")
                .get("id")
                .asLong();
        JsonNode done = http.awaitStatus(id, FINAL::contains, Duration.ofSeconds(30));
        assertThat(done.get("status").asText()).isEqualTo("FAILED");
        assertThat(done.get("error").asText()).isEqualTo("fake failure after 4 steps");
        assertThat(http.get("/api/experiments/" + id + "/metrics")
                        .json()
                        .get("series")
                        .get("loss"))
                .hasSize(4);
    }

    @Test
    void listIsNewestFirstAndPaginated() {
        for (int i = 0; i < 3; i++) {
            created("{\"plugin\":\"failing-test\",\"dataset\":\"linear-synthetic\",\"name\":\"page test " + i + "\"}");
        }
        JsonNode first = http.get("/api/experiments?size=2&page=1").json();
        JsonNode second = http.get("/api/experiments?size=2&page=2").json();
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(3);
        long a = first.get("items").get(0).get("id").asLong();
        long b = first.get("items").get(1).get("id").asLong();
        long c = second.get("items").get(0).get("id").asLong();
        assertThat(a).isGreaterThan(b);
        assertThat(b).isGreaterThan(c);
        assertThat(http.get("/api/experiments?page=0").status()).isEqualTo(400);
    }

    private static JsonNode created(String body) {
        Http.Response response = http.post("/api/experiments", body);
        assertThat(response.status()).as(response.json().toString()).isEqualTo(201);
        assertThat(response.json().get("status").asText())
                .as("status as created")
                .isEqualTo("QUEUED");
        return response.json();
    }

    private static JsonNode find(JsonNode array, String id) {
        for (JsonNode item : array) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no " + id + " in " + array);
    }
}
