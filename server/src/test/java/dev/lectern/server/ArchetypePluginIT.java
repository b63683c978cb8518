package dev.lectern.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.server.testing.Http;
import dev.lectern.server.testing.PluginFolders;
import dev.lectern.server.testing.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin the archetype generates, as a plugin author gets it: the archetype module's integration test runs the
 * documented {@code archetype:generate} and {@code mvn package} (contract included), and this test drops the plugin
 * folder that build left into a real server, trains it on the data set it prefers and predicts with it.
 */
class ArchetypePluginIT {

    private static final String ID = "hello-perceptron";
    /** Left by plugins/archetype's invoker test; the reactor builds the archetype before the server. */
    private static final Path GENERATED_FOLDER =
            Path.of("..", "plugins", "archetype", "target", "it", "generate-and-build", ID, "target", "plugin", ID);

    private static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED", "INTERRUPTED");

    @TempDir
    static Path dataDir;

    @TempDir
    static Path pluginsDir;

    static TestServer server;
    static Http http;

    @BeforeAll
    static void start() throws IOException {
        assertThat(GENERATED_FOLDER)
                .as("the generated plugin's folder: build the whole project (mvn -B verify runs the archetype's "
                        + "integration test before the server's)")
                .isDirectory();
        PluginFolders.copy(GENERATED_FOLDER, pluginsDir.resolve(ID));
        server = TestServer.start(dataDir, "--plugins-dir", pluginsDir.toString());
        http = new Http(server.url());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theGeneratedPluginLoadsTrainsOnItsPreferredDataAndPredicts() throws Exception {
        JsonNode plugin = null;
        for (JsonNode p : http.get("/api/plugins").json()) {
            if (p.get("id").asText().equals(ID)) {
                plugin = p;
            }
        }
        assertThat(plugin).as("the generated plugin is listed").isNotNull();
        assertThat(plugin.get("status").asText()).as(plugin.toString()).isEqualTo("LOADED");

        Http.Response created = http.post(
                "/api/experiments",
                "{\"plugin\":\"" + ID + "\",\"dataset\":\"two-blobs\",\"params\":{\"epochs\":300}}");
        assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        JsonNode done = http.awaitStatus(id, FINAL::contains, Duration.ofSeconds(120));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");

        JsonNode loss = http.get("/api/experiments/" + id + "/metrics")
                .json()
                .get("series")
                .get("loss");
        assertThat(loss).as("the loss curve").isNotNull();
        double first = loss.get(0).get(1).asDouble();
        double last = loss.get(loss.size() - 1).get(1).asDouble();
        assertThat(last).as("loss after training vs at the start (%s)", first).isLessThan(first * 0.5);

        Http.Response prediction = http.post("/api/experiments/" + id + "/predict", "{\"x1\":0,\"x2\":0}");
        assertThat(prediction.status()).as(prediction.json().toString()).isEqualTo(200);
        double p = prediction.json().get("values").get("probability").asDouble();
        assertThat(p).isBetween(0.0, 1.0);
        assertThat(prediction.json().get("text").asText()).contains("= 1) = ");
    }
}
