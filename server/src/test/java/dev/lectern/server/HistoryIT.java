package dev.lectern.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.server.testing.Http;
import dev.lectern.server.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The history of runs on the real server: filter, sort, page, tag, annotate, export, compare, download and delete. */
@Timeout(300)
class HistoryIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    static TestServer server;
    static Http http;
    static long slow;
    static long fast;
    static long faster;
    static long blobs;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
        http = new Http(server.url());
        slow = linear("Food truck slow", 0.001);
        fast = linear("lr fast", 0.01);
        faster = linear("lr faster", 0.1);
        blobs = create("{\"plugin\":\"logistic-regression\",\"dataset\":\"two-blobs\",\"name\":\"blobs\"}");
        for (long id : List.of(slow, fast, faster, blobs)) {
            http.awaitStatus(id, "SUCCEEDED"::equals, Duration.ofSeconds(120));
        }
        patch(fast, "{\"tags\":[\"sweep\",\"LR\"],\"notes\":\"**Faster** than the default\"}");
        patch(faster, "{\"tags\":\"sweep\"}");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void filtersNarrowTheTable() {
        assertThat(total("plugin=logistic-regression")).isEqualTo(1);
        assertThat(total("plugin=logistic-regression&dataset=linear-synthetic")).isZero();
        assertThat(total("dataset=linear-synthetic")).isEqualTo(3);
        assertThat(total("status=SUCCEEDED")).isGreaterThanOrEqualTo(4);
        assertThat(total("tag=sweep")).isEqualTo(2);
        assertThat(total("tag=lr")).as("tags are kept lower case").isEqualTo(1);
        assertThat(total("q=FOOD")).as("name, ignoring case").isEqualTo(1);
        assertThat(total("q=than%20the%20default")).as("notes").isEqualTo(1);
        assertThat(total("q=100%25")).as("% is text, not a wildcard").isZero();
    }

    @Test
    void sortingByTheBestLossOrdersTheRunsAndPagesSplitThem() {
        JsonNode byBest = http.get("/api/experiments?dataset=linear-synthetic&sort=best:loss&dir=asc")
                .json();
        List<Double> best = new ArrayList<>();
        for (JsonNode item : byBest.get("items")) {
            for (JsonNode m : item.get("metrics")) {
                if (m.get("name").asText().equals("loss")) {
                    best.add(m.get("bestValue").asDouble());
                }
            }
        }
        assertThat(best).hasSize(3).isSorted();
        assertThat(byBest.get("items").get(2).get("id").asLong())
                .as("the smallest rate learns least")
                .isEqualTo(slow);

        JsonNode first = http.get("/api/experiments?dataset=linear-synthetic&sort=name&dir=asc&size=2&page=1")
                .json();
        JsonNode second = http.get("/api/experiments?dataset=linear-synthetic&sort=name&dir=asc&size=2&page=2")
                .json();
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("items")).hasSize(2);
        assertThat(second.get("items")).hasSize(1);
        assertThat(first.get("items").get(0).get("name").asText()).isEqualTo("Food truck slow");
        assertThat(second.get("items").get(0).get("name").asText()).isEqualTo("lr faster");
    }

    @Test
    void badFiltersAreRefusedNamingTheField() {
        Http.Response sort = http.get("/api/experiments?sort=color");
        assertThat(sort.status()).isEqualTo(400);
        assertThat(sort.json().get("field").asText()).isEqualTo("sort");
        Http.Response status = http.get("/api/experiments?status=DONE");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.json().get("field").asText()).isEqualTo("status");
        HttpResponse<String> tags = patchResponse(fast, "{\"tags\":\"<script>\"}");
        assertThat(tags.statusCode()).isEqualTo(400);
        assertThat(tags.body()).contains("\"field\":\"tags\"");
    }

    @Test
    void theRunsPageAndTheExperimentPageShowTagsAndSafeNotes() throws Exception {
        String runs = text("/experiments?tag=sweep&sort=best:loss&dir=asc");
        assertThat(runs).contains("lr fast").contains("lr faster").doesNotContain("Food truck slow");
        assertThat(runs).contains("class=\"tag\"");
        patch(slow, "{\"notes\":\"<img src=x onerror=alert(1)> [link](javascript:alert(1)) *fine*\"}");
        String page = text("/experiments/" + slow);
        assertThat(page)
                .contains("<em>fine</em>")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<img src=x")
                .doesNotContain("href=\"javascript:");
    }

    @Test
    void exportsHoldTheRunsParamsAndEveryMetricPoint() throws Exception {
        String csv = text("/api/experiments/export.csv?dataset=linear-synthetic");
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0])
                .startsWith("id,name,plugin,dataset,status")
                .contains("param.learningRate")
                .contains("summary.");
        assertThat(csv).contains("Food truck slow").contains("0.001").contains("0.1");

        JsonNode listed =
                http.get("/api/experiments?ids=&dataset=linear-synthetic").json();
        long points = 0;
        for (JsonNode item : listed.get("items")) {
            if (item.get("id").asLong() == fast) {
                for (JsonNode m : item.get("metrics")) {
                    points += m.get("points").asLong();
                }
            }
        }
        String metrics = text("/api/experiments/metrics.csv?ids=" + fast);
        assertThat(metrics.split("\r\n")).hasSize((int) points + 1);
        assertThat(metrics).startsWith("experiment_id,name,step,value,unit");

        JsonNode json = JSON.readTree(text("/api/experiments/export.json?ids=" + fast + "," + blobs));
        assertThat(json.get("experiments")).hasSize(2);
        assertThat(json.get("experiments").get(0).get("metrics")).hasSize((int) points);
        assertThat(json.get("experiments")
                        .get(0)
                        .get("params")
                        .get("learningRate")
                        .asDouble())
                .isEqualTo(0.01);
        assertThat(json.get("experiments").get(0).get("tags").toString()).isEqualTo("[\"sweep\",\"lr\"]");
    }

    @Test
    void compareLabelsCurvesByTheOneParameterThatDiffers() throws Exception {
        JsonNode compare = http.get("/api/compare?ids=" + fast + "," + faster).json();
        assertThat(compare.get("differingParams").toString()).isEqualTo("[\"learningRate\"]");
        assertThat(compare.get("experiments").get(0).get("label").asText()).isEqualTo("learningRate 0.01");
        assertThat(compare.get("experiments").get(1).get("label").asText()).isEqualTo("learningRate 0.1");
        assertThat(compare.get("sharedMetrics").toString()).contains("loss");
        assertThat(compare.get("experiments").get(0).get("series").get("loss").size())
                .isBetween(2, 2000);

        Http.Response one = http.get("/api/compare?ids=" + fast);
        assertThat(one.status()).isEqualTo(400);
        assertThat(one.json().get("field").asText()).isEqualTo("ids");
        String page = text("/compare?ids=" + fast + "," + faster);
        assertThat(page).contains("class=\"differs\"").contains("learningRate");
    }

    @Test
    void theSavedModelDownloadsAsAZipAndADamagedFileIsRefused() throws Exception {
        long id = other("to download");
        http.awaitStatus(id, "SUCCEEDED"::equals, Duration.ofSeconds(120));
        HttpResponse<byte[]> zip = http.client()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url() + "/api/experiments/" + id + "/artifacts.zip"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("zip"));
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names).isNotEmpty().allSatisfy(n -> assertThat(n).startsWith("experiment-" + id + "/"));
        assertThat(names).anySatisfy(n -> assertThat(n).contains("/model/"));

        Path modelFile;
        try (var files = Files.walk(
                dataDir.resolve("artifacts").resolve(Long.toString(id)).resolve("model"))) {
            modelFile = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        Files.write(modelFile, new byte[] {1, 2, 3});
        Http.Response damaged = http.get("/api/experiments/" + id + "/artifacts.zip");
        assertThat(damaged.status()).isEqualTo(409);
        assertThat(damaged.json().get("error").asText()).contains("damaged");
    }

    @Test
    void deletingARunLeavesNothingBehindAndARunningOneIsRefused() throws Exception {
        long id = other("to delete");
        http.awaitStatus(id, "SUCCEEDED"::equals, Duration.ofSeconds(120));
        Path files = dataDir.resolve("artifacts").resolve(Long.toString(id));
        assertThat(files).exists();

        assertThat(delete(id).statusCode()).isEqualTo(204);

        assertThat(http.get("/api/experiments/" + id).status()).isEqualTo(404);
        assertThat(http.get("/api/experiments/" + id + "/metrics").status()).isEqualTo(404);
        assertThat(files).doesNotExist();
        assertThat(http.get("/api/experiments/metrics.csv?ids=" + id).status()).isEqualTo(404);
        assertThat(total("q=to%20delete")).isZero();

        long running = create("{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\",\"name\":\"long\","
                + "\"params\":{\"epochs\":150000,\"batchSize\":1}}");
        http.awaitStatus(running, s -> s.equals("RUNNING"), Duration.ofSeconds(60));
        HttpResponse<String> refused = delete(running);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("cancel it before deleting it");
        http.post("/api/experiments/" + running + "/cancel", "");
        http.awaitStatus(running, "CANCELLED"::equals, Duration.ofSeconds(60));
        assertThat(delete(running).statusCode()).isEqualTo(204);
    }

    private static long linear(String name, double rate) {
        return create("{\"plugin\":\"linear-regression\",\"dataset\":\"linear-synthetic\",\"name\":\"" + name
                + "\",\"params\":{\"learningRate\":" + rate + ",\"epochs\":300}}");
    }

    // Runs the other tests create live on another data set, so the counts above do not depend on test order.
    private static long other(String name) {
        return create("{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\",\"name\":\"" + name
                + "\",\"params\":{\"epochs\":300}}");
    }

    private static long create(String body) {
        Http.Response created = http.post("/api/experiments", body);
        assertThat(created.status()).as(String.valueOf(created.json())).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static long total(String query) {
        Http.Response response = http.get("/api/experiments?" + query);
        assertThat(response.status()).as(query + ": " + response.json()).isEqualTo(200);
        return response.json().get("total").asLong();
    }

    private static void patch(long id, String body) throws Exception {
        HttpResponse<String> response = patchResponse(id, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static HttpResponse<String> patchResponse(long id, String body) {
        return send(HttpRequest.newBuilder(URI.create(server.url() + "/api/experiments/" + id))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> delete(long id) {
        return send(HttpRequest.newBuilder(URI.create(server.url() + "/api/experiments/" + id))
                .DELETE());
    }

    private static String text(String path) throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(server.url() + path)).GET());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.client()
                    .send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
