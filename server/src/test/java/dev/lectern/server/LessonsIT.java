package dev.lectern.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.server.access.Role;
import dev.lectern.server.account.UserStore;
import dev.lectern.server.store.Database;
import dev.lectern.server.store.Jdbc;
import dev.lectern.server.testing.CookieHttp;
import dev.lectern.server.testing.CookieHttp.Answer;
import dev.lectern.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lesson from the teacher's request to the class view: what students may change is all they can change, the
 * question must be answered, a closed lesson takes no runs, and the class view shows every student's run and answer.
 */
class LessonsIT {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String LESSON = "{\"title\":\"Step size\",\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\","
            + "\"instructions\":\"Pick **alpha**.\",\"params\":{\"epochs\":200,\"featureScaling\":\"none\"},"
            + "\"editable\":{\"learningRate\":{\"min\":0.001,\"max\":0.03}},"
            + "\"question\":{\"text\":\"What will the cost do?\",\"kind\":\"choice\",\"choices\":[\"fall\",\"grow\"]}}";

    @TempDir
    static Path dataDir;

    static TestServer server;
    static String teacher;
    static String alice;
    static String bob;

    @BeforeAll
    static void start() throws Exception {
        try (Database database = Database.open(
                "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("lectern"))) {
            new UserStore(new Jdbc(database.dataSource())).add("teach", Role.TEACHER, "chalk-and-talk");
        }
        server = TestServer.start(dataDir, "--accounts", "--concurrency", "2");
        teacher = signIn("teach", "chalk-and-talk");
        alice = signIn(
                "alice",
                send("POST", "/api/users", teacher, "{\"name\":\"alice\"}")
                        .json()
                        .get("password")
                        .asText());
        bob = signIn(
                "bob",
                send("POST", "/api/users", teacher, "{\"name\":\"bob\"}")
                        .json()
                        .get("password")
                        .asText());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String signIn(String user, String password) throws Exception {
        return CookieHttp.signIn(server.url(), user, password);
    }

    static Answer send(String method, String path, String cookie, String body) throws Exception {
        return CookieHttp.send(server.url(), method, path, cookie, body);
    }

    private static JsonNode awaitDone(long id) throws Exception {
        for (int i = 0; i < 600; i++) {
            JsonNode run = send("GET", "/api/experiments/" + id, teacher, null).json();
            if (!run.get("status").asText().equals("QUEUED")
                    && !run.get("status").asText().equals("RUNNING")) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not finish");
    }

    @Test
    void aLessonFromTheTeacherToTheClassView() throws Exception {
        assertThat(send("POST", "/api/lessons", alice, LESSON).status())
                .as("a student makes no lessons")
                .isEqualTo(403);
        assertThat(send("POST", "/api/lessons", teacher, LESSON.replace("\"learningRate\":{", "\"nope\":{"))
                        .json()
                        .get("field")
                        .asText())
                .isEqualTo("editable");
        assertThat(send("POST", "/api/lessons", teacher, LESSON.replace("\"max\":0.03", "\"max\":99"))
                        .json()
                        .get("field")
                        .asText())
                .as("a range beyond the plugin's")
                .isEqualTo("editable");
        Answer created = send("POST", "/api/lessons", teacher, LESSON);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode lesson = created.json();
        String code = lesson.get("code").asText();
        long lessonId = lesson.get("id").asLong();
        assertThat(lesson.get("link").asText()).isEqualTo("/l/" + code);

        Answer page = send("GET", "/l/" + code, alice, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("What will the cost do?")
                .contains("name=\"learningRate\"")
                .contains("<strong>alpha</strong>")
                .doesNotContain("name=\"epochs\"")
                .doesNotContain("name=\"featureScaling\"");

        assertThat(send("GET", "/api/lessons/" + lessonId + "/events", alice, null)
                        .status())
                .as("a student hears no class")
                .isEqualTo(403);
        List<String> heard = java.util.Collections.synchronizedList(new ArrayList<>());
        var stream = java.net.http.HttpClient.newHttpClient()
                .sendAsync(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(server.url() + "/api/lessons/" + lessonId + "/events"))
                                .header("Cookie", teacher)
                                .header("Accept", "text/event-stream")
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofLines())
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try {
                stream.body().filter(line -> line.startsWith("data:")).forEach(heard::add);
            } catch (java.io.UncheckedIOException closed) {
                // closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();

        Answer noAnswer = send("POST", "/api/l/" + code + "/run", alice, "{\"params\":{\"learningRate\":0.01}}");
        assertThat(noAnswer.status()).isEqualTo(400);
        assertThat(noAnswer.json().get("field").asText()).isEqualTo("answer");
        Answer notAChoice = send(
                "POST", "/api/l/" + code + "/run", alice, "{\"answer\":\"maybe\",\"params\":{\"learningRate\":0.01}}");
        assertThat(notAChoice.status()).isEqualTo(400);
        assertThat(notAChoice.json().get("field").asText())
                .as("a choice question takes one of its choices")
                .isEqualTo("answer");
        Answer outside = send(
                "POST", "/api/l/" + code + "/run", alice, "{\"answer\":\"fall\",\"params\":{\"learningRate\":0.5}}");
        assertThat(outside.json().get("field").asText()).isEqualTo("learningRate");
        Answer aliceRun = send(
                "POST",
                "/api/l/" + code + "/run",
                alice,
                "{\"answer\":\"fall\",\"params\":{\"learningRate\":0.01,\"epochs\":99999}}");
        assertThat(aliceRun.status()).as(aliceRun.body()).isEqualTo(201);
        Answer bobRun = send(
                "POST", "/api/l/" + code + "/run", bob, "{\"answer\":\"grow\",\"params\":{\"learningRate\":0.03}}");
        assertThat(bobRun.status()).as(bobRun.body()).isEqualTo(201);
        JsonNode aliceDone = awaitDone(aliceRun.json().get("id").asLong());
        awaitDone(bobRun.json().get("id").asLong());
        assertThat(aliceDone.get("params").get("epochs").asInt())
                .as("fixed values win")
                .isEqualTo(200);
        assertThat(aliceDone.get("params").get("learningRate").asDouble()).isEqualTo(0.01);
        assertThat(aliceDone.get("owner").asText()).isEqualTo("alice");
        long aliceId = aliceDone.get("id").asLong();
        for (int i = 0; i < 50 && heard.stream().noneMatch(l -> l.contains(aliceId + ",\"event\":\"status\"")); i++) {
            Thread.sleep(100);
        }
        stream.body().close();
        assertThat(String.join("\n", heard))
                .as("the class view hears each run start and end, over SSE")
                .contains("{\"experimentId\":" + aliceId + ",\"event\":\"new\"}")
                .contains("{\"experimentId\":" + aliceId + ",\"event\":\"status\"}");

        assertThat(send("GET", "/api/lessons/" + lessonId + "/class", alice, null)
                        .status())
                .isEqualTo(403);
        JsonNode view = send("GET", "/api/lessons/" + lessonId + "/class", teacher, null)
                .json();
        assertThat(view.get("runs").findValuesAsText("student")).containsExactlyInAnyOrder("alice", "bob");
        assertThat(view.get("runs").findValuesAsText("answer")).containsExactlyInAnyOrder("fall", "grow");
        for (JsonNode run : view.get("runs")) {
            assertThat(run.get("curve").size()).as("a loss curve per student").isGreaterThan(10);
        }
        assertThat(view.get("tally").findValuesAsText("answer")).containsExactly("fall", "grow");
        // The answers against the outcomes: each answer counts its runs by how they ended (alice's alpha converges).
        int counted = 0;
        for (JsonNode answer : view.get("tally")) {
            for (JsonNode n : answer.get("outcomes")) {
                counted += n.asInt();
            }
            if (answer.get("answer").asText().equals("fall")) {
                assertThat(answer.get("outcomes").get("SUCCEEDED").asInt())
                        .as(answer.toString())
                        .isEqualTo(1);
            }
        }
        assertThat(counted).as("every run is counted once").isEqualTo(2);
        assertThat(send("GET", "/l/" + code, alice, null).body())
                .as("alice sees her run beside her answer")
                .contains("/experiments/" + aliceRun.json().get("id").asLong())
                .doesNotContain("/experiments/" + bobRun.json().get("id").asLong() + "\"");
        String csv = send("GET", "/api/lessons/" + lessonId + "/class.csv", teacher, null)
                .body();
        assertThat(csv).contains("\"alice\",\"fall\"").contains("\"bob\",\"grow\"");

        assertThat(send("POST", "/api/lessons/" + lessonId + "/close", teacher, null)
                        .json()
                        .get("open")
                        .asBoolean())
                .isFalse();
        assertThat(send("POST", "/api/l/" + code + "/run", alice, "{\"answer\":\"fall\"}")
                        .status())
                .isEqualTo(409);
        assertThat(send("GET", "/l/nosuch", alice, null).status()).isEqualTo(404);
    }

    @Test
    void aLessonMadeWithTheFormFixesHidesAndNarrows() throws Exception {
        assertThat(send("GET", "/lessons/new?plugin=linear-regression&dataset=ex1data1", teacher, null)
                        .body())
                .contains("name=\"m_learningRate\"")
                .contains("name=\"v_epochs\"");
        HttpRequest form = HttpRequest.newBuilder(URI.create(server.url() + "/lessons"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", teacher)
                .POST(HttpRequest.BodyPublishers.ofString("plugin=linear-regression&dataset=ex1data1&title=Form+lesson"
                        + "&v_epochs=77&m_epochs=fixed&v_learningRate=0.01&m_learningRate=students&min_learningRate=0.002"
                        + "&max_learningRate=0.02&m_featureScaling=default&question=Guess&kind=number"))
                .build();
        HttpResponse<String> made = CLIENT.send(form, HttpResponse.BodyHandlers.ofString());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(303);
        JsonNode lesson = null;
        for (JsonNode l : send("GET", "/api/lessons", teacher, null).json()) {
            if (l.get("title").asText().equals("Form lesson")) {
                lesson = l;
            }
        }
        assertThat(lesson).isNotNull();
        assertThat(lesson.get("params").get("epochs").asText()).isEqualTo("77");
        assertThat(lesson.get("editable").get("learningRate").get("max").asDouble())
                .isEqualTo(0.02);
        assertThat(lesson.get("editable").has("featureScaling")).isFalse();
        assertThat(lesson.get("question").get("kind").asText()).isEqualTo("number");
        // A number question takes a number, and nothing else, as its answer.
        String numberCode = lesson.get("code").asText();
        Answer words = send(
                "POST",
                "/api/l/" + numberCode + "/run",
                alice,
                "{\"answer\":\"about five\",\"params\":{\"learningRate\":0.01}}");
        assertThat(words.status()).isEqualTo(400);
        assertThat(words.json().get("field").asText()).isEqualTo("answer");
        Answer number = send(
                "POST",
                "/api/l/" + numberCode + "/run",
                alice,
                "{\"answer\":\"4.5\",\"params\":{\"learningRate\":0.01}}");
        assertThat(number.status()).as(number.body()).isEqualTo(201);
        awaitDone(number.json().get("id").asLong());
        HttpRequest bad = HttpRequest.newBuilder(URI.create(server.url() + "/lessons"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", teacher)
                .POST(HttpRequest.BodyPublishers.ofString("plugin=linear-regression&dataset=ex1data1&title=Bad"
                        + "&m_learningRate=students&max_learningRate=50"))
                .build();
        HttpResponse<String> refused = CLIENT.send(bad, HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("lesson-form-error").contains("learningRate");
    }

    @Test
    void everyReadyLessonImports() throws Exception {
        for (String name : dev.lectern.server.lesson.SampleLessons.all().keySet()) {
            Answer imported = send("POST", "/lessons/import/" + name, teacher, null);
            assertThat(imported.status()).as(name + ": " + imported.body()).isEqualTo(303);
        }
        assertThat(send("GET", "/api/lessons", teacher, null).json().findValuesAsText("title"))
                .hasSizeGreaterThanOrEqualTo(Map.of().size() + 5);
        assertThat(send("GET", "/lessons", teacher, null).body()).contains("Class view");
    }

    @Test
    void aLessonRunChangesOnlyItsEditableParametersLiveWithinTheirRange() throws Exception {
        String body = LESSON.replace("\"epochs\":200,", "\"epochs\":200000,\"optimizer\":\"sgd\",")
                .replace("Step size", "Live step size");
        Answer created = send("POST", "/api/lessons", teacher, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String code = created.json().get("code").asText();
        Answer run = send(
                "POST", "/api/l/" + code + "/run", alice, "{\"answer\":\"fall\",\"params\":{\"learningRate\":0.01}}");
        assertThat(run.status()).as(run.body()).isEqualTo(201);
        long id = run.json().get("id").asLong();
        String control = "/api/experiments/" + id + "/control";
        Answer changed = null;
        for (int i = 0; i < 300; i++) {
            changed = send("POST", control, alice, "{\"set\":{\"learningRate\":0.02}}");
            if (changed.status() != 409) {
                break;
            }
            Thread.sleep(50); // queued, or not training yet
        }
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        Answer outside = send("POST", control, alice, "{\"set\":{\"learningRate\":0.5}}");
        assertThat(outside.status()).as(outside.body()).isEqualTo(400);
        assertThat(outside.json().get("field").asText()).isEqualTo("learningRate");
        assertThat(send("POST", "/api/experiments/" + id + "/cancel", alice, null)
                        .status())
                .isEqualTo(200);
        awaitDone(id);
    }
}
