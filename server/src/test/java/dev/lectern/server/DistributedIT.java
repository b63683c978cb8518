package dev.lectern.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.server.dataset.UploadClient;
import dev.lectern.server.testing.Http;
import dev.lectern.server.testing.NodeProcess;
import dev.lectern.server.testing.PluginFolders;
import dev.lectern.server.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class on several machines, as real processes on the test PostgreSQL: a web node that trains nothing
 * ({@code --concurrency 0}, with one plugin no worker has) and two {@code lectern worker} JVMs, the second without
 * the logistic-regression plugin. Runs are created on the web node and trained on the workers; the tests end with a
 * worker killed by SIGKILL.
 */
@Timeout(600)
@ExtendWith(TestDatabase.OnPostgres.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributedIT {

    private static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED", "INTERRUPTED");
    /** Short, so the kill test's run is INTERRUPTED within seconds; the default is 30 s. */
    private static final String TIMEOUT = "6s";

    private static final Pattern TRAINS = Pattern.compile("experiment (\\d+) trains on");

    @TempDir
    static Path dir;

    static NodeProcess web;
    static NodeProcess w1;
    static NodeProcess w2;
    static Http http;

    @BeforeAll
    static void start(TestDatabase db) throws Exception {
        Path extra = dir.resolve("web-plugins");
        PluginFolders.copyExample(extra.resolve(PluginFolders.EXAMPLE_ID));
        Path withoutLogistic = dir.resolve("w2-bundled");
        try (Stream<Path> plugins = Files.list(NodeProcess.bundledPlugins())) {
            for (Path plugin : plugins.toList()) {
                if (!plugin.getFileName().toString().equals("logistic-regression")) {
                    PluginFolders.copy(plugin, withoutLogistic.resolve(plugin.getFileName()));
                }
            }
        }
        String url = db.jdbcUrl();
        web = NodeProcess.web(
                dir.resolve("web"),
                "--jdbc-url",
                url,
                "--concurrency",
                "0",
                "--name",
                "web",
                "--worker-timeout",
                TIMEOUT,
                "--plugins-dir",
                extra.toString());
        w1 = NodeProcess.worker(
                dir.resolve("w1"),
                NodeProcess.bundledPlugins(),
                "--jdbc-url",
                url,
                "--name",
                "w1",
                "--concurrency",
                "2",
                "--worker-timeout",
                TIMEOUT);
        w2 = NodeProcess.worker(
                dir.resolve("w2"),
                withoutLogistic,
                "--jdbc-url",
                url,
                "--name",
                "w2",
                "--concurrency",
                "2",
                "--worker-timeout",
                TIMEOUT);
        http = new Http(web.url());
    }

    @AfterAll
    static void stop() {
        for (NodeProcess node : new NodeProcess[] {w1, w2, web}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    @Order(1)
    void theWorkersPageListsEachWorkerWithWhatItCanTake() {
        JsonNode workers = http.get("/api/workers").json();
        Map<String, JsonNode> byName = new HashMap<>();
        workers.get("items").forEach(w -> byName.put(w.get("name").asText(), w));
        assertThat(byName).as(workers.toString()).containsOnlyKeys("w1", "w2");
        for (JsonNode w : byName.values()) {
            assertThat(w.get("state").asText()).isEqualTo("alive");
            assertThat(w.get("devices").toString()).contains("cpu");
            assertThat(w.get("concurrency").asInt()).isEqualTo(2);
            assertThat(w.get("plugins").toString())
                    .contains("linear-regression@")
                    .contains("mlp@")
                    .doesNotContain(PluginFolders.EXAMPLE_ID);
        }
        assertThat(byName.get("w1").get("plugins").toString()).contains("logistic-regression@");
        assertThat(byName.get("w2").get("plugins").toString()).doesNotContain("logistic-regression@");
        String page = text("/workers");
        assertThat(page)
                .contains("id=\"worker-w1\"")
                .contains("id=\"worker-w2\"")
                .contains("linear-regression@");
    }

    @Test
    @Order(2)
    void twentyMixedRunsAllSucceedEachTrainedOnceOnBothWorkers() throws Exception {
        String[] bodies = {
            "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\",\"params\":{\"epochs\":300}}",
            "{\"plugin\":\"logistic-regression\",\"dataset\":\"ex2data1\",\"params\":{\"epochs\":300}}",
            "{\"plugin\":\"softmax-regression\",\"dataset\":\"two-blobs\"}",
            "{\"plugin\":\"mlp\",\"dataset\":\"xor\",\"params\":{\"epochs\":300}}",
        };
        List<Long> ids = new ArrayList<>();
        Map<Long, String> plugin = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            Http.Response created = http.post("/api/experiments", bodies[i % bodies.length]);
            assertThat(created.status()).as(String.valueOf(created.json())).isEqualTo(201);
            assertThat(created.json().has("worker"))
                    .as("the contract: worker is there, null until taken")
                    .isTrue();
            long id = created.json().get("id").asLong();
            ids.add(id);
            plugin.put(id, created.json().get("plugin").asText());
        }
        Set<String> used = new HashSet<>();
        for (long id : ids) {
            JsonNode done = http.awaitStatus(id, FINAL::contains, Duration.ofSeconds(240));
            assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
            String worker = done.get("worker").asText();
            assertThat(worker).isIn("w1", "w2");
            if (plugin.get(id).equals("logistic-regression")) {
                assertThat(worker).as("w2 has no logistic-regression").isEqualTo("w1");
            }
            used.add(worker);
            JsonNode loss = http.get("/api/experiments/" + id + "/metrics")
                    .json()
                    .get("series")
                    .get("loss");
            long last = -1;
            for (JsonNode point : loss) {
                assertThat(point.get(0).asLong())
                        .as("run %d's loss steps only rise: trained once", id)
                        .isGreaterThan(last);
                last = point.get(0).asLong();
            }
        }
        assertThat(used).as("both workers trained").containsExactlyInAnyOrder("w1", "w2");
        Map<Long, Integer> starts = new HashMap<>();
        for (NodeProcess node : new NodeProcess[] {w1, w2}) {
            Matcher m = TRAINS.matcher(node.log());
            while (m.find()) {
                starts.merge(Long.parseLong(m.group(1)), 1, Integer::sum);
            }
        }
        for (long id : ids) {
            assertThat(starts.get(id))
                    .as("run %d started on exactly one worker, once", id)
                    .isEqualTo(1);
        }
    }

    @Test
    @Order(3)
    void aRunNoWorkerCanTakeSaysSoOnItsPageAndCanBeCancelled() throws Exception {
        Http.Response created = http.post(
                "/api/experiments",
                "{\"plugin\":\"" + PluginFolders.EXAMPLE_ID + "\",\"dataset\":\"linear-synthetic\"}");
        assertThat(created.status()).as(String.valueOf(created.json())).isEqualTo(201);
        long id = created.json().get("id").asLong();
        Thread.sleep(1500);
        JsonNode run = http.get("/api/experiments/" + id).json();
        assertThat(run.get("status").asText()).isEqualTo("QUEUED");
        assertThat(run.get("worker").isNull()).isTrue();
        assertThat(run.get("waiting").asText())
                .contains("no worker can take this run")
                .contains("'" + PluginFolders.EXAMPLE_ID + "'");
        assertThat(text("/experiments/" + id)).contains("id=\"waiting\"").contains("no worker can take this run");
        assertThat(http.post("/api/experiments/" + id + "/cancel", "").status()).isEqualTo(200);
        assertThat(http.awaitStatus(id, FINAL::contains, Duration.ofSeconds(10))
                        .get("status")
                        .asText())
                .isEqualTo("CANCELLED");
    }

    @Test
    @Order(4)
    void aGpuRunWaitsForAGpuWorker() throws Exception {
        Http.Response created = http.post(
                "/api/experiments",
                "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\"," + "\"device\":\"gpu\"}");
        assertThat(created.status())
                .as("accepted: a GPU worker may join the shared store later")
                .isEqualTo(201);
        long id = created.json().get("id").asLong();
        Thread.sleep(1500);
        JsonNode run = http.get("/api/experiments/" + id).json();
        assertThat(run.get("status").asText()).isEqualTo("QUEUED");
        assertThat(run.get("device").asText()).isEqualTo("gpu:0");
        assertThat(run.get("waiting").asText()).contains("waiting for a GPU worker");
        assertThat(http.post("/api/experiments/" + id + "/cancel", "").status()).isEqualTo(200);
        assertThat(http.post(
                                "/api/experiments",
                                "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\"," + "\"device\":\"tpu\"}")
                        .status())
                .as("the device's form is still checked")
                .isEqualTo(400);
    }

    @Test
    @Order(5)
    void anUploadedDataSetTrainsOnAWorkerAndItsModelPredictsAndZipsOnTheWebNode() throws Exception {
        UploadClient.Reply uploaded = new UploadClient(web.url())
                .upload(
                        "exam.csv",
                        "hours,score\n1,52.5\n2,55\n3,57.5\n4,60\n5,62.5\n6,65\n7,67.5\n8,70\n",
                        "Exam",
                        "score");
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        String dataset = uploaded.json().get("id").asText();
        Http.Response created = http.post(
                "/api/experiments",
                "{\"plugin\":\"linear-regression\",\"dataset\":\"" + dataset
                        + "\",\"params\":{\"epochs\":1500,\"learningRate\":0.1}}");
        assertThat(created.status()).as(String.valueOf(created.json())).isEqualTo(201);
        long id = created.json().get("id").asLong();
        JsonNode done = http.awaitStatus(id, FINAL::contains, Duration.ofSeconds(120));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("worker").asText()).isIn("w1", "w2");

        Http.Response predicted = http.post("/api/experiments/" + id + "/predict", "{\"x1\":10}");
        assertThat(predicted.status()).as(String.valueOf(predicted.json())).isEqualTo(200);
        assertThat(predicted.json().get("values").get("y").asDouble())
                .as("score = 50 + 2.5 h at 10 h")
                .isBetween(74.0, 76.0);

        HttpResponse<byte[]> zip = http.client()
                .send(
                        HttpRequest.newBuilder(URI.create(web.url() + "/api/experiments/" + id + "/artifacts.zip"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                assertThat(in.readAllBytes()).as(e.getName()).isNotEmpty();
            }
        }
        assertThat(names)
                .as("the model's files, as the worker saved them, through the database")
                .anySatisfy(n -> assertThat(n).contains("/model/"));
    }

    @Test
    @Order(6)
    void liveEventsAndCancelCrossMachines() throws Exception {
        long id = http.post(
                        "/api/experiments",
                        "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\","
                                + "\"params\":{\"epochs\":200000,\"batchSize\":1}}")
                .json()
                .get("id")
                .asLong();
        http.awaitStatus(id, "RUNNING"::equals, Duration.ofSeconds(60));
        try {
            List<String> heard = eventsHeard(id, Duration.ofSeconds(15));
            assertThat(fromTheWorker(heard))
                    .as("points and progress from the worker reach the web node's stream: " + heard)
                    .isTrue();
        } catch (AssertionError | RuntimeException e) {
            http.post("/api/experiments/" + id + "/cancel", "");
            throw e;
        }

        long asked = System.nanoTime();
        assertThat(http.post("/api/experiments/" + id + "/cancel", "").status()).isEqualTo(200);
        JsonNode ended = http.awaitStatus(id, FINAL::contains, Duration.ofSeconds(10));
        double seconds = (System.nanoTime() - asked) / 1e9;
        assertThat(ended.get("status").asText()).isEqualTo("CANCELLED");
        System.out.printf(
                "DistributedIT: cancel on the web node -> CANCELLED on worker %s in %.2f s%n",
                ended.get("worker").asText(), seconds);
        assertThat(seconds).as("cancel crosses machines within 2 s").isLessThan(2.0);
    }

    @Test
    @Order(7)
    void aWorkersRunIsPausedSteppedChangedAndResumedFromTheWebNode() throws Exception {
        long id = http.post(
                        "/api/experiments",
                        "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\","
                                + "\"params\":{\"epochs\":2000,\"batchSize\":1}}")
                .json()
                .get("id")
                .asLong();
        http.awaitStatus(id, "RUNNING"::equals, Duration.ofSeconds(60));
        assertThat(control(id, "{\"action\":\"pause\"}")).isEqualTo(200);
        JsonNode paused = awaitEvents(id, events -> events.toString().contains("\"pause\""));
        assertThat(http.get("/api/experiments/" + id).json().get("paused").asBoolean())
                .isTrue();
        long pausedAt = paused.get(0).get("step").asLong();
        // The progress row is written with each flush of the run's points, so it is read once it has caught up.
        Thread.sleep(1500);
        long at = http.get("/api/experiments/" + id)
                .json()
                .get("progress")
                .get("done")
                .asLong();
        Thread.sleep(1000);
        assertThat(http.get("/api/experiments/" + id)
                        .json()
                        .get("progress")
                        .get("done")
                        .asLong())
                .as("paused on the worker at step " + pausedAt + ": no steps meanwhile")
                .isEqualTo(at)
                .isLessThanOrEqualTo(pausedAt + 1);

        assertThat(control(id, "{\"action\":\"step\",\"n\":3}")).isEqualTo(200);
        assertThat(control(id, "{\"set\":{\"learningRate\":0.005}}")).isEqualTo(200);
        JsonNode events = awaitEvents(id, e -> e.toString().contains("\"step\""));
        assertThat(events.toString()).contains("\"n\":3");
        assertThat(control(id, "{\"set\":{\"epochs\":5}}"))
                .as("checked on the web node")
                .isEqualTo(400);

        assertThat(control(id, "{\"action\":\"resume\"}")).isEqualTo(200);
        JsonNode done = http.awaitStatus(id, FINAL::contains, Duration.ofSeconds(180));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("events").toString())
                .as("the new rate took effect on the worker as it went on")
                .contains("\"resume\"")
                .contains("\"to\":0.005");
        assertThat(paused).isNotNull();
    }

    @Test
    @Order(8)
    void trainingGoesOnWhileTheWebNodeRestarts() throws Exception {
        long id = http.post(
                        "/api/experiments",
                        "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\","
                                + "\"params\":{\"epochs\":400,\"batchSize\":1}}")
                .json()
                .get("id")
                .asLong();
        http.awaitStatus(id, "RUNNING"::equals, Duration.ofSeconds(60));
        web.kill();
        web.restart();
        http = new Http(web.url());
        JsonNode after = http.get("/api/experiments/" + id).json();
        assertThat(after.get("status").asText())
                .as("the new web node left the worker's run alone: " + after)
                .isIn("RUNNING", "SUCCEEDED");
        JsonNode done = http.awaitStatus(id, FINAL::contains, Duration.ofSeconds(180));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(text("/experiments/" + id)).contains("SUCCEEDED");
    }

    @Test
    @Order(9)
    void aKilledWorkersRunIsInterruptedNamingItAndTheOtherCarriesOn() throws Exception {
        long id = http.post(
                        "/api/experiments",
                        "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\","
                                + "\"params\":{\"epochs\":200000,\"batchSize\":1}}")
                .json()
                .get("id")
                .asLong();
        JsonNode running = http.awaitStatus(id, "RUNNING"::equals, Duration.ofSeconds(60));
        String victim = running.get("worker").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (http.get("/api/experiments/" + id + "/metrics")
                                .json()
                                .get("series")
                                .path("loss")
                                .size()
                        < 2
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        NodeProcess killed = victim.equals("w1") ? w1 : w2;
        killed.kill();
        long at = System.nanoTime();
        JsonNode ended = http.awaitStatus(id, FINAL::contains, Duration.ofSeconds(60));
        double seconds = (System.nanoTime() - at) / 1e9;
        System.out.printf(
                "DistributedIT: worker %s killed -> run INTERRUPTED after %.1f s (timeout %s)%n",
                victim, seconds, TIMEOUT);
        assertThat(ended.get("status").asText()).isEqualTo("INTERRUPTED");
        assertThat(ended.get("error").asText()).contains("'" + victim + "'").contains("not restarted");
        assertThat(http.get("/api/experiments/" + id + "/metrics")
                        .json()
                        .get("series")
                        .get("loss")
                        .size())
                .as("the points it reported are kept")
                .isGreaterThanOrEqualTo(2);

        String other = victim.equals("w1") ? "w2" : "w1";
        JsonNode next = http.awaitStatus(
                http.post(
                                "/api/experiments",
                                "{\"plugin\":\"linear-regression\","
                                        + "\"dataset\":\"ex1data1\",\"params\":{\"epochs\":300}}")
                        .json()
                        .get("id")
                        .asLong(),
                FINAL::contains,
                Duration.ofSeconds(60));
        assertThat(next.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(next.get("worker").asText()).isEqualTo(other);
        Thread.sleep(2000);
        assertThat(http.get("/api/experiments/" + id).json().get("status").asText())
                .as("never trained again behind the user's back")
                .isEqualTo("INTERRUPTED");
        JsonNode workers = http.get("/api/workers").json();
        for (JsonNode w : workers.get("items")) {
            if (w.get("name").asText().equals(victim)) {
                assertThat(w.get("state").asText()).isEqualTo("silent");
            }
        }
    }

    private static int control(long id, String body) {
        return http.post("/api/experiments/" + id + "/control", body).status();
    }

    /** A run's stored control events once they satisfy a condition (the worker stores them as it applies them). */
    private static JsonNode awaitEvents(long id, java.util.function.Predicate<JsonNode> until)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonNode events = http.get("/api/experiments/" + id).json().get("events");
        while (!until.test(events) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            events = http.get("/api/experiments/" + id).json().get("events");
        }
        assertThat(until.test(events)).as("events of run " + id + ": " + events).isTrue();
        return events;
    }

    /** The event lines of a run's stream on the web node, until both kinds came from the worker or the time is up. */
    private static List<String> eventsHeard(long id, Duration within) throws Exception {
        HttpResponse<Stream<String>> response = http.client()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create(web.url() + "/api/experiments/" + id + "/events"))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> heard = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> response.body()
                .filter(line -> line.startsWith("event:"))
                .peek(heard::add)
                .anyMatch(line -> fromTheWorker(heard)));
        reader.setDaemon(true);
        reader.start();
        reader.join(within.toMillis());
        response.body().close();
        return List.copyOf(heard);
    }

    /** The web node sends one progress event as a stream opens; points and later progress come from the worker. */
    private static boolean fromTheWorker(List<String> heard) {
        synchronized (heard) {
            return heard.contains("event: metrics")
                    && heard.stream().filter("event: progress"::equals).count() >= 2;
        }
    }

    private static String text(String path) {
        try {
            HttpResponse<String> response = http.client()
                    .send(
                            HttpRequest.newBuilder(URI.create(web.url() + path)).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
