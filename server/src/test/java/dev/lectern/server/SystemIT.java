package dev.lectern.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.server.testing.Http;
import dev.lectern.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the server really trains on: /api/system, /system, the refusal of a GPU it lacks, each run's device. */
class SystemIT {

    private static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED", "INTERRUPTED");

    @TempDir
    static Path dataDir;

    static TestServer server;
    static Http http;
    static boolean cuda;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        http = new Http(server.url());
        cuda = Engine.getEngine("PyTorch").getGpuCount() > 0;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void apiSystemNamesTheEngineBuildAndTheDevices() {
        Http.Response r = http.get("/api/system");
        assertThat(r.status()).isEqualTo(200);
        JsonNode engine = r.json().get("engine");
        assertThat(engine.get("name").asText()).isEqualTo("PyTorch");
        assertThat(engine.get("version").asText())
                .isEqualTo(Engine.getEngine("PyTorch").getVersion());
        assertThat(engine.get("djlVersion").asText()).isEqualTo(Engine.getDjlVersion());
        JsonNode devices = r.json().get("devices");
        assertThat(devices.get(0).get("name").asText()).isEqualTo("cpu");
        assertThat(devices.get(0).get("usable").asBoolean()).isTrue();
        assertThat(r.json().get("defaultDevice").get("setting").asText()).isEqualTo("auto");
        if (!cuda) {
            assertThat(engine.get("flavor").asText()).isEqualTo("cpu");
            assertThat(engine.get("cuda").asBoolean()).isFalse();
            assertThat(engine.get("build").asText()).endsWith("CPU build");
            assertThat(r.json().get("defaultDevice").get("resolved").asText()).isEqualTo("cpu");
            assertThat(r.json().get("gpuBuild").asText()).contains("Training on a GPU");
            for (JsonNode d : devices) {
                assertThat(d.get("usable").asBoolean())
                        .as(d.toString())
                        .isEqualTo(d.get("kind").asText().equals("cpu"));
            }
        } else {
            assertThat(engine.get("cuda").asBoolean()).isTrue();
            assertThat(devices.get(1).get("name").asText()).isEqualTo("gpu:0");
            assertThat(r.json().get("defaultDevice").get("resolved").asText()).isEqualTo("gpu:0");
        }
    }

    @Test
    void theSystemPageIsInTheNavigationAndShowsTheBuild() throws Exception {
        String page = html("/system");
        assertThat(page)
                .contains("<a href=\"/system\" aria-current=\"page\">System</a>")
                .contains("id=\"engine-build\"")
                .contains(Engine.getEngine("PyTorch").getVersion())
                .contains("id=\"device-cpu\"");
        if (!cuda) {
            assertThat(page).contains("CPU build").contains("id=\"gpu-help\"").contains("Training on a GPU");
        }
        assertThat(html("/experiments")).contains("<a href=\"/system\"");
    }

    @Test
    void askingForAGpuThisBuildCannotUseIsA400NamingDeviceAndTheBuild() {
        org.junit.jupiter.api.Assumptions.assumeFalse(cuda, "this host's engine can use a GPU");
        for (String device : new String[] {"gpu", "gpu:0", "GPU:1"}) {
            Http.Response r = http.post(
                    "/api/experiments",
                    "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\",\"device\":\"" + device + "\"}");
            assertThat(r.status()).as(device).isEqualTo(400);
            assertThat(r.json().get("field").asText()).isEqualTo("device");
            assertThat(r.json().get("error").asText())
                    .contains("this server runs PyTorch "
                            + Engine.getEngine("PyTorch").getVersion() + " CPU build")
                    .contains("Training on a GPU")
                    .contains("-Pgpu");
        }
        assertThat(http.get("/api/experiments").json().toString()).doesNotContain("\"gpu");
    }

    @Test
    @Timeout(120)
    void aRunRecordsTheDeviceItTrainedOnAndTheTableShowsIt() throws Exception {
        Http.Response created = http.post(
                "/api/experiments",
                "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\",\"device\":\"auto\",\"params\":{\"epochs\":5}}");
        assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        JsonNode done = http.awaitStatus(id, FINAL::contains, Duration.ofSeconds(60));
        assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
        String trained = cuda ? "gpu:0" : "cpu";
        assertThat(done.get("device").asText()).isEqualTo(trained);
        assertThat(http.get("/api/experiments/" + id).json().get("device").asText())
                .isEqualTo(trained);
        assertThat(html("/experiments")).contains("<td class=\"opt run-device\"><code>" + trained + "</code></td>");
        assertThat(html("/experiments/" + id)).contains(trained);
    }

    private static String html(String path) throws Exception {
        HttpResponse<String> r = http.client()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url() + path))
                                .header("Accept", "text/html")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }
}
