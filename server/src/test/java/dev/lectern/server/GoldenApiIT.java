package dev.lectern.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lectern.server.testing.Http;
import dev.lectern.server.testing.RawHttp;
import dev.lectern.server.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON API's answers, captured once as golden files under {@code src/test/resources/golden/} and compared on
 * every build, so a refactoring of how answers are built cannot change what clients read. Times, random seeds and
 * measured floating-point values are replaced by placeholders; field names, their order, types, integers and texts
 * are compared exactly. Run with {@code -Dlectern.golden.update=true} to record a deliberate change of the contract.
 */
class GoldenApiIT {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final boolean UPDATE = Boolean.getBoolean("lectern.golden.update");

    private final List<String> mismatches = new ArrayList<>();

    @Test
    @Timeout(300)
    void everyEndpointAnswersAsRecorded(@TempDir Path dataDir) throws Exception {
        try (TestServer server = TestServer.start(dataDir, "--concurrency", "1")) {
            Http http = new Http(server.url());
            check("plugins", http.get("/api/plugins"));
            check("datasets", http.get("/api/datasets"));
            check("dataset-ex2data1", http.get("/api/datasets/ex2data1"));
            check("dataset-columns", http.get("/api/datasets/ex2data1/columns?x=exam1&y=exam2"));

            Http.Response created = http.post(
                    "/api/experiments",
                    "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\","
                            + "\"params\":{\"epochs\":40},\"name\":\"golden one\"}");
            check("experiment-created", created);
            long first = created.json().get("id").asLong();
            http.awaitStatus(first, "SUCCEEDED"::equals, Duration.ofSeconds(60));
            long second = http.post(
                            "/api/experiments",
                            "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\","
                                    + "\"params\":{\"epochs\":40,\"learningRate\":0.02}}")
                    .json()
                    .get("id")
                    .asLong();
            http.awaitStatus(second, "SUCCEEDED"::equals, Duration.ofSeconds(60));
            long hello = http.post(
                            "/api/experiments",
                            "{\"plugin\":\"char-rnn\",\"dataset\":\"hello\",\"params\":{\"epochs\":5}}")
                    .json()
                    .get("id")
                    .asLong();
            http.awaitStatus(hello, "SUCCEEDED"::equals, Duration.ofSeconds(120));

            check("experiment", http.get("/api/experiments/" + first));
            check("experiment-list", http.get("/api/experiments?size=5"));
            check(
                    "experiment-list-filtered",
                    http.get("/api/experiments?plugin=linear-regression&sort=best:loss&dir=asc"));
            check("experiment-metrics", http.get("/api/experiments/" + first + "/metrics?maxPoints=10"));
            check("experiment-texts", http.get("/api/experiments/" + hello + "/texts?limit=3"));
            check(
                    "experiment-patch",
                    send(
                            server,
                            "PATCH",
                            "/api/experiments/" + first,
                            "{\"name\":\"golden renamed\",\"tags\":[\"a\",\"b\"],\"notes\":\"*n*\"}"));
            check("experiment-predict", http.post("/api/experiments/" + first + "/predict", "{\"x1\":3.5}"));
            check("experiment-cancel-finished", http.post("/api/experiments/" + first + "/cancel", ""));
            check("compare", http.get("/api/compare?ids=" + first + "," + second));
            check("export-json", http.get("/api/experiments/export.json?ids=" + first + "," + second));
            checkText("export-csv", text(server, "/api/experiments/export.csv?ids=" + first + "," + second));
            checkText("metrics-csv", text(server, "/api/experiments/metrics.csv?ids=" + first));

            Http.Response sweep = http.post(
                    "/api/sweeps",
                    "{\"plugin\":\"linear-regression\",\"dataset\":\"linear-synthetic\","
                            + "\"params\":{\"epochs\":5},\"grid\":{\"learningRate\":[0.01,0.1]},\"name\":\"golden sweep\"}");
            check("sweep-created", sweep);
            long sweepId = sweep.json().get("id").asLong();
            for (JsonNode run : sweep.json().get("experiments")) {
                http.awaitStatus(run.get("id").asLong(), "SUCCEEDED"::equals, Duration.ofSeconds(60));
            }
            check("sweep", http.get("/api/sweeps/" + sweepId));
            check("sweep-cancel", http.post("/api/sweeps/" + sweepId + "/cancel", ""));

            check(
                    "error-unknown-plugin",
                    http.post("/api/experiments", "{\"plugin\":\"nope\",\"dataset\":\"ex1data1\"}"));
            check(
                    "error-bad-param",
                    http.post(
                            "/api/experiments",
                            "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\","
                                    + "\"params\":{\"learningRate\":-1}}"));
            check("error-not-found", http.get("/api/experiments/999999"));
            check("delete", send(server, "DELETE", "/api/experiments/" + second, null));
        }
        assertThat(mismatches)
                .as("answers that differ from their golden files (-Dlectern.golden.update=true records a "
                        + "deliberate change)")
                .isEmpty();
    }

    private static Http.Response send(TestServer server, String method, String path, String body) throws IOException {
        RawHttp.Answer answer = RawHttp.send(
                server.port(),
                method + " " + path + " HTTP/1.1\nHost: 127.0.0.1\n" + "Content-Type: application/json",
                body);
        return new Http.Response(
                answer.status(), answer.body().isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(answer.body()));
    }

    private static String text(TestServer server, String path) {
        RawHttp.Answer answer = RawHttp.send(server.port(), "GET " + path + " HTTP/1.1\nHost: 127.0.0.1", null);
        return answer.status() + " " + answer.header("Content-Type") + "\n" + answer.body();
    }

    private void check(String name, Http.Response response) throws IOException {
        ObjectNode recorded = MAPPER.createObjectNode();
        recorded.put("status", response.status());
        recorded.set("body", normalise(null, response.json()));
        compare(name + ".json", MAPPER.writeValueAsString(recorded) + "\n");
    }

    private void checkText(String name, String text) throws IOException {
        compare(name + ".txt", normaliseText(text));
    }

    private void compare(String file, String actual) throws IOException {
        Path path = GOLDEN.resolve(file);
        if (UPDATE || !Files.exists(path)) {
            Files.createDirectories(GOLDEN);
            Files.writeString(path, actual, StandardCharsets.UTF_8);
            return;
        }
        String expected = Files.readString(path, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            Path now = Path.of("target", "golden-now").resolve(file);
            Files.createDirectories(now.getParent());
            Files.writeString(now, actual, StandardCharsets.UTF_8);
            mismatches.add(file + " (now written to " + now + "; diff it with the recorded file)");
        }
    }

    /** Replaces what differs between runs of the same requests: times, seeds, measured values. */
    static JsonNode normalise(String key, JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            ObjectNode out = MAPPER.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), normalise(e.getKey(), e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = MAPPER.createArrayNode();
            node.forEach(item -> out.add(normalise(key, item)));
            return out;
        }
        if (node.isNull()) {
            return node;
        }
        if (key != null
                && (key.endsWith("At")
                        || key.equals("seed")
                        || key.toLowerCase().contains("duration")
                        || key.equals("sha256")
                        || key.equals("size") && node.isTextual())) {
            return TextNode.valueOf("<" + key + ">");
        }
        if ("status".equals(key)
                && (node.asText().equals("QUEUED") || node.asText().equals("RUNNING"))) {
            // A run just created may already have been taken by a worker.
            return TextNode.valueOf("<QUEUED or RUNNING>");
        }
        if (node.isFloatingPointNumber()) {
            return TextNode.valueOf("<float>");
        }
        if (node.isTextual()) {
            return TextNode.valueOf(normaliseText(node.asText()));
        }
        return node;
    }

    static String normaliseText(String text) {
        return text.replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z?", "<time>")
                .replaceAll("-?\\d+\\.\\d+([eE]-?\\d+)?", "<float>")
                .replaceAll("(?<=,)\\d{6,}(?=,|\\n|$)", "<long>");
    }
}
