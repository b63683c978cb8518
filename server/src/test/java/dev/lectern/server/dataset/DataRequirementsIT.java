package dev.lectern.server.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.server.store.Database;
import dev.lectern.server.store.Jdbc;
import dev.lectern.server.testing.TestServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins' data requirements against data sets' facts, through the real server with the bundled plugin jars, the real
 * lecture files and real uploads: what the plugin page offers and selects, what a data set's page offers, and the 400
 * on {@code dataset} that every way of creating a run gives for a data set that does not fit, before anything is
 * queued.
 */
class DataRequirementsIT {

    /** Three classes, ten rows each: a softmax problem that logistic regression cannot take. */
    static final String THREE_CLASSES = threeClasses();

    @TempDir
    static Path dataDir;

    static TestServer server;
    static UploadClient api;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        api = new UploadClient(server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String threeClasses() {
        StringBuilder csv = new StringBuilder("x1,x2,kind\n");
        for (int i = 0; i < 30; i++) {
            int k = i % 3;
            csv.append(k * 3 + (i % 5) * 0.1)
                    .append(',')
                    .append(-k + (i % 7) * 0.1)
                    .append(',')
                    .append(k)
                    .append('\n');
        }
        return csv.toString();
    }

    @Test
    void theDataSetJsonCarriesItsLabelFacts() {
        JsonNode ex2data1 = api.get("/api/datasets/ex2data1").json().get("facts");
        assertThat(ex2data1.get("label").asText()).isEqualTo("binary");
        assertThat(ex2data1.get("classes").toString()).isEqualTo("[0,1]");
        assertThat(ex2data1.get("features").asInt()).isEqualTo(2);
        assertThat(ex2data1.get("rows").asInt()).isEqualTo(100);

        JsonNode list = api.get("/api/datasets").json();
        JsonNode blobs = find(list, "three-blobs").get("facts");
        assertThat(blobs.get("label").asText()).isEqualTo("classes");
        assertThat(blobs.get("classes").toString()).isEqualTo("[0,1,2]");
        assertThat(blobs.get("text").asText()).isEqualTo("3 classes (0, 1, 2)");
        JsonNode ex1data1 = find(list, "ex1data1").get("facts");
        assertThat(ex1data1.get("label").asText()).isEqualTo("continuous");
        assertThat(ex1data1.get("min").asDouble()).isEqualTo(-2.6807);
        assertThat(ex1data1.get("max").asDouble()).isEqualTo(24.147);
        assertThat(ex1data1.get("classes").isNull()).isTrue();
        assertThat(find(list, "hello").get("facts").get("label").asText()).isEqualTo("none");
        assertThat(find(list, "mnist").get("facts").get("features").asInt()).isEqualTo(784);
    }

    @Test
    void thePluginJsonCarriesItsDataRequirements() {
        JsonNode plugins = api.get("/api/plugins").json();
        JsonNode logistic = find(plugins, "logistic-regression").get("data");
        assertThat(logistic.get("label").asText()).isEqualTo("binary");
        assertThat(logistic.get("preferredDataset").asText()).isEqualTo("ex2data1");
        assertThat(logistic.get("kinds").toString()).isEqualTo("[\"TABLE\"]");
        JsonNode softmax = find(plugins, "softmax-regression").get("data");
        assertThat(softmax.get("label").asText()).isEqualTo("classes");
        assertThat(softmax.get("minClasses").asInt()).isEqualTo(2);
        JsonNode cnn = find(plugins, "cnn").get("data");
        assertThat(cnn.get("minFeatures").asInt()).isEqualTo(784);
        assertThat(cnn.get("maxFeatures").asInt()).isEqualTo(784);
        assertThat(find(plugins, "char-rnn").get("data").get("label").asText()).isEqualTo("none");
    }

    @Test
    void logisticRegressionOnThreeBlobsIsA400NamingDatasetAndNothingIsQueued() {
        long before = total();
        UploadClient.Reply refused =
                api.postJson("/api/experiments", "{\"plugin\":\"logistic-regression\",\"dataset\":\"three-blobs\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("field").asText()).isEqualTo("dataset");
        assertThat(refused.json().get("error").asText())
                .isEqualTo("logistic-regression needs a binary label (0/1); three-blobs has 3 classes (0, 1, 2)");

        UploadClient.Reply linear =
                api.postJson("/api/experiments", "{\"plugin\":\"linear-regression\",\"dataset\":\"ex2data1\"}");
        assertThat(linear.status()).as(linear.body()).isEqualTo(400);
        assertThat(linear.json().get("error").asText())
                .isEqualTo("linear-regression needs a continuous label; ex2data1 has a binary label (0/1)");

        UploadClient.Reply sweep = api.postJson(
                "/api/sweeps",
                "{\"plugin\":\"logistic-regression\",\"dataset\":\"three-blobs\","
                        + "\"grid\":{\"learningRate\":[0.01,0.1]}}");
        assertThat(sweep.status()).as(sweep.body()).isEqualTo(400);
        assertThat(sweep.json().get("field").asText()).isEqualTo("dataset");
        assertThat(sweep.json().get("error").asText()).contains("three-blobs has 3 classes");
        assertThat(total()).as("nothing created").isEqualTo(before);
    }

    @Test
    void theRunFormShowsTheRefusalOnTheDatasetField() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url() + "/plugins/logistic-regression/experiments"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "dataset=" + URLEncoder.encode("three-blobs", StandardCharsets.UTF_8)))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("three-blobs has 3 classes (0, 1, 2)");
    }

    @Test
    @Timeout(120)
    void anUploadWithThreeClassesIsRefusedByLogisticRegressionTakenBySoftmaxAndKeepsItsFactsAfterARestart(
            @TempDir Path ownDataDir) throws Exception {
        String id;
        JsonNode facts;
        try (TestServer own = TestServer.start(ownDataDir)) {
            UploadClient client = new UploadClient(own.url());
            UploadClient.Reply uploaded = client.upload("kinds.csv", THREE_CLASSES, "Three kinds", null);
            assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
            id = uploaded.json().get("id").asText();
            facts = uploaded.json().get("facts");
            assertThat(facts.get("label").asText()).isEqualTo("classes");
            assertThat(facts.get("classes").toString()).isEqualTo("[0,1,2]");
            assertThat(facts.get("features").asInt()).isEqualTo(2);
            assertThat(facts.get("rows").asInt()).isEqualTo(30);
            assertRefusedAndOffered(client, id);

            own.restart();
            UploadClient after = new UploadClient(own.url());
            assertThat(after.get("/api/datasets/" + id).json().get("facts")).isEqualTo(facts);
            assertRefusedAndOffered(after, id);
        }
        // An upload made before the facts were kept: the server computes them once from the file at start-up.
        try (Database h2 = Database.open(
                "jdbc:h2:file:" + ownDataDir.toAbsolutePath().normalize().resolve("lectern"))) {
            int changed = new Jdbc(h2.dataSource())
                    .update(
                            "UPDATE uploaded_datasets SET feature_count = NULL, label_kind = NULL, "
                                    + "label_classes = NULL, label_min = NULL, label_max = NULL WHERE id = ?",
                            id);
            assertThat(changed).isEqualTo(1);
        }
        try (TestServer older = TestServer.start(ownDataDir)) {
            UploadClient client = new UploadClient(older.url());
            assertThat(client.get("/api/datasets/" + id).json().get("facts")).isEqualTo(facts);
            assertRefusedAndOffered(client, id);
        }
    }

    private static void assertRefusedAndOffered(UploadClient client, String id) {
        UploadClient.Reply refused =
                client.postJson("/api/experiments", "{\"plugin\":\"logistic-regression\",\"dataset\":\"" + id + "\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("field").asText()).isEqualTo("dataset");
        assertThat(refused.json().get("error").asText())
                .isEqualTo("logistic-regression needs a binary label (0/1); " + id + " has 3 classes (0, 1, 2)");

        assertThat(options(client.get("/plugins/logistic-regression").body())).doesNotContain(id);
        assertThat(options(client.get("/plugins/softmax-regression").body())).contains(id);
        String page = client.get("/datasets/" + id).body();
        assertThat(page).contains("id=\"train-softmax-regression\"").doesNotContain("id=\"train-logistic-regression\"");
        assertThat(page).contains("3 classes (0, 1, 2)");

        UploadClient.Reply softmax = client.postJson(
                "/api/experiments",
                "{\"plugin\":\"softmax-regression\",\"dataset\":\"" + id + "\",\"params\":{\"epochs\":5}}");
        assertThat(softmax.status()).as(softmax.body()).isEqualTo(201);
    }

    @Test
    void thePluginPageOffersOnlyFittingDataSetsAndSelectsThePreferredOne() {
        String logistic = api.get("/plugins/logistic-regression").body();
        assertThat(options(logistic))
                .containsExactly("two-blobs", "xor", "circles", "ex2data1", "ex2data2", "data-03-diabetes");
        assertThat(selected(logistic)).isEqualTo("ex2data1");
        assertThat(selected(api.get("/plugins/logistic-regression?dataset=xor").body()))
                .as("the data set asked for wins when it fits")
                .isEqualTo("xor");
        assertThat(selected(api.get("/plugins/logistic-regression?dataset=three-blobs")
                        .body()))
                .as("one that does not fit is not selected")
                .isEqualTo("ex2data1");

        String linear = api.get("/plugins/linear-regression").body();
        assertThat(options(linear)).containsExactly("linear-synthetic", "ex1data1", "ex1data2", "data-01-test-score");
        assertThat(selected(linear)).isEqualTo("ex1data1");
        assertThat(selected(api.get("/plugins/softmax-regression").body())).isEqualTo("data-04-zoo");
        assertThat(options(api.get("/plugins/cnn").body())).containsExactly("mnist");
        assertThat(options(api.get("/plugins/char-rnn").body())).containsExactly("hello", "tinyshakespeare");

        String blobsPage = api.get("/datasets/three-blobs").body();
        assertThat(blobsPage)
                .contains("id=\"train-softmax-regression\"", "id=\"train-mlp\"")
                .doesNotContain("id=\"train-logistic-regression\"", "id=\"train-linear-regression\"");
    }

    /** The values of the plugin form's data set choice, in order. */
    private static List<String> options(String html) {
        String select = datasetSelect(html);
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("<option value=\"([^\"]+)\"").matcher(select);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static String selected(String html) {
        Matcher m = Pattern.compile("<option value=\"([^\"]+)\"[^>]*selected").matcher(datasetSelect(html));
        assertThat(m.find()).as("a data set is selected").isTrue();
        return m.group(1);
    }

    private static String datasetSelect(String html) {
        int start = html.indexOf("name=\"dataset\"");
        assertThat(start).as("the form has a data set choice").isPositive();
        return html.substring(start, html.indexOf("</select>", start));
    }

    private static long total() {
        return api.get("/api/experiments").json().get("total").asLong();
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode item : list) {
            if (id.equals(item.path("id").asText())) {
                return item;
            }
        }
        throw new AssertionError(id + " not in " + list);
    }
}
