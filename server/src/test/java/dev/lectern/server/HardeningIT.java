package dev.lectern.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.server.testing.Http;
import dev.lectern.server.testing.RawHttp;
import dev.lectern.server.testing.RawHttp.Answer;
import dev.lectern.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks and careless requests of the hardening issue, each against the real server in its default mode
 * (loopback, no token): what was accepted or crashed before is now refused with the stated status and message.
 */
class HardeningIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String LONG_RUN =
            "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\",\"params\":{\"epochs\":150000}}";

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

    private static Answer raw(String method, String path, String headers, String body) {
        return RawHttp.send(
                server.port(),
                method + " " + path + " HTTP/1.1\nHost: 127.0.0.1:" + server.port()
                        + (headers.isEmpty() ? "" : "\n" + headers),
                body);
    }

    private static JsonNode json(Answer answer) throws Exception {
        return MAPPER.readTree(answer.body());
    }

    private static long total() {
        return http.get("/api/experiments?size=1").json().get("total").asLong();
    }

    @Test
    void crossSiteRequestsChangeNothing() throws Exception {
        long before = total();
        Answer textPlain =
                raw("POST", "/api/experiments", "Origin: http://evil.example\nContent-Type: text/plain", LONG_RUN);
        assertThat(textPlain.status()).isEqualTo(403);
        assertThat(json(textPlain).get("field").asText()).isEqualTo("Origin");
        assertThat(json(textPlain).get("error").asText()).contains("http://evil.example");

        Answer form = raw(
                "POST",
                "/api/experiments",
                "Origin: http://evil.example\nContent-Type: application/x-www-form-urlencoded",
                "plugin=linear-regression&dataset=ex1data1");
        assertThat(form.status()).isEqualTo(403);
        Answer nullOrigin = raw("POST", "/api/experiments", "Origin: null\nContent-Type: application/json", LONG_RUN);
        assertThat(nullOrigin.status()).isEqualTo(403);
        Answer fetchMetadata =
                raw("POST", "/api/experiments", "Sec-Fetch-Site: cross-site\nContent-Type: application/json", LONG_RUN);
        assertThat(fetchMetadata.status()).isEqualTo(403);
        Answer sweep = raw(
                "POST",
                "/api/sweeps",
                "Origin: http://evil.example\nContent-Type: text/plain",
                "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\",\"grid\":{\"learningRate\":[0.01,0.02]}}");
        assertThat(sweep.status()).isEqualTo(403);
        String boundary = "----x";
        Answer upload = raw(
                "POST",
                "/api/datasets",
                "Origin: http://evil.example\nContent-Type: multipart/form-data; boundary=" + boundary,
                "--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nx,y\n1,2\n3,4\n\r\n--"
                        + boundary + "--\r\n");
        assertThat(upload.status()).isEqualTo(403);
        Answer pageForm = raw(
                "POST",
                "/plugins/linear-regression/experiments",
                "Origin: http://evil.example\nContent-Type: application/x-www-form-urlencoded",
                "dataset=ex1data1");
        assertThat(pageForm.status()).isEqualTo(403);
        assertThat(pageForm.header("Content-Type")).startsWith("text/html");
        assertThat(total()).as("no refused request made a run").isEqualTo(before);
        assertThat(http.get("/api/datasets").json().toString()).doesNotContain("\"a.csv\"");

        // A run to cancel: a foreign page may not cancel it; the server's own page (its origin) may.
        long id = http.post("/api/experiments", LONG_RUN).json().get("id").asLong();
        Answer foreignCancel = raw("POST", "/api/experiments/" + id + "/cancel", "Origin: http://evil.example", null);
        assertThat(foreignCancel.status()).isEqualTo(403);
        assertThat(http.get("/api/experiments/" + id).json().get("status").asText())
                .isIn("QUEUED", "RUNNING");
        Answer ownCancel = raw(
                "POST",
                "/api/experiments/" + id + "/cancel",
                "Origin: http://127.0.0.1:" + server.port() + "\nSec-Fetch-Site: same-origin",
                null);
        assertThat(ownCancel.status()).isEqualTo(200);
        // The issue names rescan, predict, renaming and deleting too: each is refused from a foreign page, and the
        // run is still there under its own name afterwards.
        String name = http.get("/api/experiments/" + id).json().get("name").asText();
        List<String[]> others = List.of(
                new String[] {"POST", "/api/plugins/rescan", null},
                new String[] {"POST", "/plugins/rescan", null},
                new String[] {"POST", "/api/experiments/" + id + "/predict", "{\"x1\":3.5}"},
                new String[] {"PATCH", "/api/experiments/" + id, "{\"name\":\"renamed by evil\"}"},
                new String[] {"DELETE", "/api/experiments/" + id, null});
        for (String[] request : others) {
            Answer refused = raw(
                    request[0],
                    request[1],
                    "Origin: http://evil.example" + (request[2] == null ? "" : "\nContent-Type: application/json"),
                    request[2]);
            assertThat(refused.status())
                    .as("%s %s -> %s", request[0], request[1], refused.body())
                    .isEqualTo(403);
        }
        JsonNode after = http.get("/api/experiments/" + id).json();
        assertThat(after.get("name").asText()).isEqualTo(name);
        Answer ownCreate = raw(
                "POST",
                "/api/experiments",
                "Origin: http://localhost:" + server.port() + "\nContent-Type: application/json; charset=utf-8",
                LONG_RUN.replace("150000", "10"));
        assertThat(ownCreate.status())
                .as("an allowed name other than the request's host is another origin: %s", ownCreate.body())
                .isEqualTo(403);
        Answer ownHostCreate = RawHttp.send(
                server.port(),
                "POST /api/experiments HTTP/1.1\nHost: localhost:" + server.port() + "\nOrigin: http://localhost:"
                        + server.port() + "\nContent-Type: application/json; charset=utf-8",
                LONG_RUN.replace("150000", "10"));
        assertThat(ownHostCreate.status()).as(ownHostCreate.body()).isEqualTo(201);
    }

    @Test
    void jsonEndpointsTakeOnlyJson() throws Exception {
        long before = total();
        Answer textPlain = raw("POST", "/api/experiments", "Content-Type: text/plain", LONG_RUN);
        assertThat(textPlain.status()).isEqualTo(415);
        assertThat(json(textPlain).get("field").asText()).isEqualTo("Content-Type");
        assertThat(raw(
                                "POST",
                                "/api/sweeps",
                                "Content-Type: text/plain",
                                "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\",\"grid\":{\"learningRate\":[0.01]}}")
                        .status())
                .isEqualTo(415);
        assertThat(raw("PATCH", "/api/experiments/1", "", "{\"name\":\"x\"}").status())
                .isIn(404, 415);
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void foreignHostNamesReadNothing() throws Exception {
        Answer rebinding =
                RawHttp.send(server.port(), "GET /api/experiments HTTP/1.1\nHost: rebind.evil.example", null);
        assertThat(rebinding.status()).isEqualTo(403);
        assertThat(json(rebinding).get("field").asText()).isEqualTo("Host");
        assertThat(rebinding.body()).doesNotContain("items");
        Answer page = RawHttp.send(server.port(), "GET / HTTP/1.1\nHost: rebind.evil.example:" + server.port(), null);
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).doesNotContain("Linear regression");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
        for (String host : List.of("localhost", "127.0.0.1", "[::1]")) {
            Answer ok = RawHttp.send(
                    server.port(), "GET /api/experiments HTTP/1.1\nHost: " + host + ":" + server.port(), null);
            assertThat(ok.status()).as(host).isEqualTo(200);
        }
    }

    @Test
    void aHostileNoteCannotBreakItsPage() throws Exception {
        long id = http.post("/api/experiments", LONG_RUN.replace("150000", "5"))
                .json()
                .get("id")
                .asLong();
        http.awaitStatus(id, s -> !s.equals("QUEUED") && !s.equals("RUNNING"), Duration.ofSeconds(60));
        String notes = ">".repeat(5000) + " x";
        Answer patch = raw(
                "PATCH",
                "/api/experiments/" + id,
                "Content-Type: application/json",
                MAPPER.writeValueAsString(java.util.Map.of("notes", notes)));
        assertThat(patch.status()).isEqualTo(200);
        Answer page = raw("GET", "/experiments/" + id, "", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("notes-plain").contains("&gt;&gt;&gt;&gt;");

        Answer emptyName = raw("PATCH", "/api/experiments/" + id, "Content-Type: application/json", "{\"name\":\"\"}");
        assertThat(emptyName.status()).isEqualTo(400);
        assertThat(json(emptyName).get("field").asText()).isEqualTo("name");
        assertThat(http.get("/api/experiments/" + id).json().get("name").asText())
                .isNotEmpty();
    }

    @Test
    void clientMistakesAreNeverServerErrors() throws Exception {
        Answer events = raw("GET", "/api/experiments/999999/events", "Accept: text/event-stream", null);
        assertThat(events.status()).isEqualTo(404);
        assertThat(json(events).get("error").asText()).contains("999999");

        Answer unknownRoute = raw("GET", "/api/nothing-here", "", null);
        assertThat(unknownRoute.status()).isEqualTo(404);
        assertThat(unknownRoute.header("Content-Type")).startsWith("application/json");
        assertThat(json(unknownRoute).get("error").asText()).contains("/api/nothing-here");

        Answer tooLarge = raw(
                "POST",
                "/api/experiments",
                "Content-Type: application/json",
                "{\"name\":\"" + "x".repeat(1_100_000) + "\"}");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.header("Content-Type")).startsWith("application/json");
        assertThat(json(tooLarge).get("error").asText()).contains("too large");

        for (String path : List.of("/api/experiments/%00", "/api/experiments/..%2f", "/experiments/..%2f")) {
            Answer bad = raw("GET", path, "", null);
            assertThat(bad.status()).as(path).isBetween(400, 404);
            assertThat(bad.header("Content-Security-Policy")).as(path).contains("default-src 'self'");
            assertThat(bad.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            if (path.startsWith("/api/")) {
                assertThat(json(bad).has("error")).as(path).isTrue();
            } else {
                assertThat(bad.header("Content-Type")).as(path).startsWith("text/html");
                assertThat(bad.body()).as(path).doesNotContain("Powered by Jetty");
            }
        }
        Answer hugeHeader = raw("GET", "/api/plugins", "X-Big: " + "y".repeat(40_000), null);
        assertThat(hugeHeader.status()).isEqualTo(431);
        assertThat(json(hugeHeader).has("error")).isTrue();
        assertThat(hugeHeader.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void cnnPredictNamesTheMissingDrawing() throws Exception {
        long id = http.post(
                        "/api/experiments",
                        "{\"plugin\":\"cnn\",\"dataset\":\"mnist\",\"params\":{\"epochs\":1,\"trainLimit\":200}}")
                .json()
                .get("id")
                .asLong();
        JsonNode done = http.awaitStatus(id, s -> !s.equals("QUEUED") && !s.equals("RUNNING"), Duration.ofMinutes(4));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        for (String body :
                List.of("{}", "{\"digit\":\"\"}", "{\"digit\":null}", "{\"digit\":\"data:text/plain,hi\"}")) {
            Answer answer = raw("POST", "/api/experiments/" + id + "/predict", "Content-Type: application/json", body);
            assertThat(answer.status()).as(body + " -> " + answer.body()).isEqualTo(400);
            assertThat(json(answer).get("field").asText()).as(body).isEqualTo("digit");
        }
    }

    @Test
    void aDataSetPageOffersOnlyPluginsThatAcceptIt() {
        String foodTruck = raw("GET", "/datasets/ex1data1", "", null).body();
        assertThat(foodTruck)
                .contains("id=\"train-linear-regression\"")
                .as("a continuous label is no class: logistic regression would refuse it")
                .doesNotContain("id=\"train-logistic-regression\"");
        assertThat(raw("GET", "/datasets/ex2data1", "", null).body()).contains("id=\"train-logistic-regression\"");
    }

    @Test
    void pluginAnswersShowNoServerPaths() {
        JsonNode plugins = http.get("/api/plugins").json();
        assertThat(plugins.size()).isPositive();
        for (JsonNode plugin : plugins) {
            assertThat(plugin.get("source").asText()).doesNotStartWith("/").doesNotContain(dataDir.toString());
        }
        assertThat(plugins.toString()).doesNotContain(System.getProperty("user.dir"));
    }
}
