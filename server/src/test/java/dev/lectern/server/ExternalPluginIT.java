package dev.lectern.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import dev.lectern.plugin.api.PluginApi;
import dev.lectern.server.testing.Http;
import dev.lectern.server.testing.PluginFolders;
import dev.lectern.server.testing.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example external plugin (plugins/examples/polynomial-regression), built by its own pom, dropped as a folder into
 * a plugin directory and trained over the API. It bundles Jackson 2.12 while the server runs 2.18: its class loader
 * finds its own copy first, so the conflicting library loads and runs.
 */
class ExternalPluginIT {

    private static final String ID = "polynomial-regression";
    private static final String JAR = "lectern-example-polynomial-regression-0.1.0-SNAPSHOT.jar";
    /** The example's plugin folder, relative to this module; the reactor builds the example before the server. */
    private static final Path EXAMPLE_FOLDER = Path.of("..", "plugins", "examples", ID, "target", "plugin", ID);

    private static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED", "INTERRUPTED");

    @TempDir
    static Path dataDir;

    @TempDir
    static Path pluginsDir;

    static TestServer server;
    static Http http;

    @BeforeAll
    static void start() throws IOException {
        assertThat(EXAMPLE_FOLDER.resolve(JAR))
                .as("the example plugin's folder; build it first (mvn -B package in the project root builds it before "
                        + "the server)")
                .isRegularFile();
        PluginFolders.copy(EXAMPLE_FOLDER, pluginsDir.resolve(ID));
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
    void theDroppedInFolderIsListedAsLoadedFromThePluginDirectory() {
        JsonNode plugin = plugin(ID);
        assertThat(plugin.get("status").asText()).as(plugin.toString()).isEqualTo("LOADED");
        assertThat(plugin.get("error").isNull()).isTrue();
        assertThat(plugin.get("source").asText())
                .as("named by its folder, not by its path on the server")
                .isEqualTo("plugins folder/" + ID);
        assertThat(plugin.get("apiVersion").asText()).isEqualTo(PluginApi.VERSION);
        assertThat(plugin.get("params").findValuesAsText("name"))
                .containsExactly("degree", "learningRate", "epochs", "optimizer", "seed");
        assertThat(plugin("linear-regression").get("status").asText())
                .as("the bundled plugins still load")
                .isEqualTo("LOADED");
    }

    @Test
    void thePluginJarDeclaresTheApiVersionInItsManifest() throws IOException {
        try (Stream<Path> files = Files.list(pluginsDir.resolve(ID))) {
            List<String> names =
                    files.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names)
                    .as("the plugin jar and only its bundled libraries")
                    .containsExactly(
                            "jackson-annotations-2.12.7.jar",
                            "jackson-core-2.12.7.jar",
                            "jackson-databind-2.12.7.jar",
                            JAR);
        }
        try (JarFile jar = new JarFile(pluginsDir.resolve(ID).resolve(JAR).toFile())) {
            var attributes = jar.getManifest().getMainAttributes();
            assertThat(attributes.getValue("Lectern-Plugin-Api-Version")).isEqualTo(PluginApi.VERSION);
            assertThat(attributes.getValue("Implementation-Version")).isEqualTo("0.1.0-SNAPSHOT");
        }
    }

    @Test
    @Timeout(120)
    void trainsOverTheApiWithItsOwnJacksonAndPredicts() throws Exception {
        assertThat(PackageVersion.VERSION.getMajorVersion()).isEqualTo(2);
        assertThat(PackageVersion.VERSION.getMinorVersion())
                .as("the server's own Jackson")
                .isEqualTo(18);

        Http.Response created = http.post(
                "/api/experiments",
                "{\"plugin\":\"" + ID
                        + "\",\"dataset\":\"linear-synthetic\",\"params\":{\"degree\":3,\"epochs\":1500}}");
        assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        JsonNode done = http.awaitStatus(id, FINAL::contains, Duration.ofSeconds(90));

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        JsonNode summary = done.get("summary");
        System.out.println("polynomial-regression on linear-synthetic: " + summary);
        assertThat(summary.get("jacksonMinor").asInt())
                .as("the Jackson the plugin sees: its own 2.12")
                .isEqualTo(12);
        // linear-synthetic is y = 2x + 4 + noise: a cubic fit finds the line, with x² and x³ near zero.
        assertThat(summary.get("θ0").asDouble()).isCloseTo(4.0, within(0.15));
        assertThat(summary.get("θ1").asDouble()).isCloseTo(2.0, within(0.1));
        assertThat(summary.get("θ2").asDouble()).isCloseTo(0.0, within(0.02));
        assertThat(summary.get("θ3").asDouble()).isCloseTo(0.0, within(0.01));
        assertThat(summary.get("cost").asDouble())
                .isCloseTo(summary.get("cost (least squares)").asDouble(), within(1e-3));
        assertThat(summary.get("msPerEpoch").asDouble()).isPositive();
        assertThat(done.get("progress").get("done").asLong()).isEqualTo(1500);

        JsonNode series = http.get("/api/experiments/" + id + "/metrics").json().get("series");
        assertThat(series.has("loss")).isTrue();
        assertThat(series.get("loss/least squares")).hasSize(2);

        JsonNode views = done.get("views");
        assertThat(views.findValuesAsText("type")).containsExactly("XyChart", "TableView");
        assertThat(views.get(0).get("series").get(1).get("style").asText()).isEqualTo("LINE");
        assertThat(views.get(0).get("series").get(1).get("x")).hasSize(200);

        // Predicting loads the saved model (DJL parameters + the metadata JSON read by the plugin's Jackson).
        Http.Response prediction = http.post("/api/experiments/" + id + "/predict", "{\"x\":1.5}");
        assertThat(prediction.status()).as(prediction.json().toString()).isEqualTo(200);
        double y = prediction.json().get("values").get("y").asDouble();
        double fromTheta = 0;
        for (int k = 3; k >= 0; k--) {
            fromTheta = fromTheta * 1.5 + summary.get("θ" + k).asDouble();
        }
        assertThat(y).as("H(1.5) from the saved model vs from the reported θ").isCloseTo(fromTheta, within(1e-6));
        assertThat(y).as("H(1.5) on y = 2x + 4").isCloseTo(7.0, within(0.1));
        assertThat(prediction.json().get("text").asText()).startsWith("H(1.50000) = ");

        Http.Response bad = http.post("/api/experiments/" + id + "/predict", "{\"x\":\"abc\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("x");
    }

    @Test
    void aTableWithSeveralFeaturesIsRefusedBeforeItIsQueued() {
        Http.Response response = http.post("/api/experiments", "{\"plugin\":\"" + ID + "\",\"dataset\":\"ex1data2\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("field").asText()).isEqualTo("dataset");
        // The example's declared data requirements (one feature) answer before its own validate would.
        assertThat(response.json().get("error").asText())
                .isEqualTo("polynomial-regression needs 1 feature; ex1data2 has 2 features");
    }

    @Test
    void aCopyBuiltForAnotherMajorApiVersionIsRefusedOnRescanWithTheReason() throws Exception {
        // The same plugin, but its jar's manifest claims plugin API 2.0.0: the server refuses it before loading a
        // class.
        String broken = ID + "-api2";
        Path folder = pluginsDir.resolve(broken);
        PluginFolders.copy(EXAMPLE_FOLDER, folder);
        PluginFolders.withApiVersion(folder.resolve(JAR), "2.0.0");

        Http.Response rescanned = http.post("/api/plugins/rescan", "");
        assertThat(rescanned.status()).isEqualTo(200);
        JsonNode failed = find(rescanned.json(), broken);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("error").asText())
                .isEqualTo(JAR + " was built for plugin API 2.0.0 but this server provides " + PluginApi.VERSION
                        + " (major versions differ)");
        assertThat(find(rescanned.json(), ID).get("status").asText())
                .as("the working copy stays loaded")
                .isEqualTo("LOADED");

        HttpResponse<String> page = http.client()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url() + "/plugins"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("id=\"plugin-row-" + broken + "\"").contains("was built for plugin API 2.0.0");

        PluginFolders.delete(folder);
        Http.Response afterRemoval = http.post("/api/plugins/rescan", "");
        assertThat(afterRemoval.json().findValuesAsText("id"))
                .as("a removed folder is dropped")
                .doesNotContain(broken)
                .contains(ID);
    }

    private static JsonNode plugin(String id) {
        return find(http.get("/api/plugins").json(), id);
    }

    private static JsonNode find(JsonNode plugins, String id) {
        for (JsonNode plugin : plugins) {
            if (plugin.get("id").asText().equals(id)) {
                return plugin;
            }
        }
        throw new AssertionError("plugin " + id + " is not listed: " + plugins);
    }
}
