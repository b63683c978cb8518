package dev.lectern.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.server.testing.CookieHttp;
import dev.lectern.server.testing.CookieHttp.Answer;
import dev.lectern.server.testing.TestServer;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accounts on: the first teacher from the command line, students added by the teacher, sign-in and sign-out, and a
 * student kept to their own runs on every route (another's is 404, exactly like one that does not exist).
 */
class AccountsIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dataDir;

    static TestServer server;
    static String teacher;
    static String alice;
    static String bob;
    static long aliceRun;
    static long bobRun;

    @BeforeAll
    static void start() throws Exception {
        Path jar = Path.of("target", "lectern.jar").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process add = new ProcessBuilder(List.of(
                        java,
                        "-jar",
                        jar.toString(),
                        "user",
                        "add",
                        "--teacher",
                        "teach",
                        "--data-dir",
                        dataDir.toString()))
                .redirectErrorStream(true)
                .start();
        try (OutputStream in = add.getOutputStream()) {
            in.write("chalk-and-talk\n".getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(add.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(add.waitFor()).as(output).isZero();
        assertThat(output).contains("added teacher teach");

        server = TestServer.start(dataDir, "--accounts", "--concurrency", "1");
        teacher = signIn("teach", "chalk-and-talk");
        String alicePassword = send("POST", "/api/users", teacher, "{\"name\":\"alice\",\"role\":\"student\"}")
                .json()
                .get("password")
                .asText();
        String bobPassword = send("POST", "/api/users", teacher, "{\"name\":\"bob\"}")
                .json()
                .get("password")
                .asText();
        alice = signIn("alice", alicePassword);
        bob = signIn("bob", bobPassword);
        aliceRun = created(alice);
        bobRun = created(bob);
        for (long id : List.of(aliceRun, bobRun)) {
            for (int i = 0;
                    i < 600
                            && !send("GET", "/api/experiments/" + id, teacher, null)
                                    .json()
                                    .get("status")
                                    .asText()
                                    .equals("SUCCEEDED");
                    i++) {
                Thread.sleep(100);
            }
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long created(String cookie) throws Exception {
        Answer answer = send(
                "POST",
                "/api/experiments",
                cookie,
                "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\",\"params\":{\"epochs\":20}}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asLong();
    }

    private static String signIn(String user, String password) throws Exception {
        return CookieHttp.signIn(server.url(), user, password);
    }

    static Answer send(String method, String path, String cookie, String body) throws Exception {
        return CookieHttp.send(server.url(), method, path, cookie, body);
    }

    @Test
    void withoutSigningInNothingIsServedButTheSignInPage() throws Exception {
        assertThat(send("GET", "/api/experiments", null, null).status()).isEqualTo(401);
        Answer page = send("GET", "/experiments?status=FAILED", null, null);
        assertThat(page.status()).isEqualTo(303);
        assertThat(page.raw().headers().firstValue("Location").orElseThrow())
                .isEqualTo("/sign-in?next=%2Fexperiments%3Fstatus%3DFAILED");
        assertThat(send("GET", "/sign-in", null, null).status()).isEqualTo(200);
        Answer wrong = send("POST", "/api/session", null, "{\"user\":\"alice\",\"password\":\"not-hers-at-all\"}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(send("GET", "/api/session", alice, null).json().get("user").asText())
                .isEqualTo("alice");
        assertThat(send("GET", "/api/session", alice, null).json().get("role").asText())
                .isEqualTo("STUDENT");
    }

    @Test
    void anotherStudentsRunIsNotFoundOnEveryRoute() throws Exception {
        String id = Long.toString(aliceRun);
        List<String[]> routes = List.of(
                new String[] {"GET", "/api/experiments/" + id, null},
                new String[] {"GET", "/api/experiments/" + id + "/metrics", null},
                new String[] {"GET", "/api/experiments/" + id + "/texts", null},
                new String[] {"GET", "/api/experiments/" + id + "/events", null},
                new String[] {"GET", "/api/experiments/" + id + "/artifacts.zip", null},
                new String[] {"POST", "/api/experiments/" + id + "/predict", "{\"x1\":3.5}"},
                new String[] {"POST", "/api/experiments/" + id + "/cancel", null},
                new String[] {"POST", "/api/experiments/" + id + "/gradient-check", null},
                new String[] {"PATCH", "/api/experiments/" + id, "{\"name\":\"mine now\"}"},
                new String[] {"DELETE", "/api/experiments/" + id, null},
                new String[] {"GET", "/experiments/" + id, null},
                new String[] {"GET", "/api/experiments/export.csv?ids=" + id, null},
                new String[] {"GET", "/api/experiments/export.json?ids=" + id, null},
                new String[] {"GET", "/api/experiments/metrics.csv?ids=" + id, null},
                new String[] {"GET", "/api/compare?ids=" + id + "," + bobRun, null},
                new String[] {"GET", "/compare?ids=" + id + "," + bobRun, null});
        for (String[] route : routes) {
            Answer answer = send(route[0], route[1], bob, route[2]);
            assertThat(answer.status())
                    .as("bob: %s %s -> %s", route[0], route[1], answer.body())
                    .isEqualTo(404);
            Answer owner = send(
                    route[0].equals("DELETE") || route[0].equals("PATCH") || route[1].endsWith("/cancel")
                            ? "GET"
                            : route[0],
                    route[0].equals("DELETE") || route[0].equals("PATCH") || route[1].endsWith("/cancel")
                            ? "/api/experiments/" + id
                            : route[1].replace("," + bobRun, ""),
                    alice,
                    route[2]);
            assertThat(owner.status()).as("alice: %s %s", route[0], route[1]).isNotEqualTo(404);
        }
        assertThat(send("GET", "/api/experiments/" + id, alice, null)
                        .json()
                        .get("name")
                        .asText())
                .isNotEqualTo("mine now");

        JsonNode bobsList = send("GET", "/api/experiments?size=50", bob, null).json();
        assertThat(bobsList.get("items").findValuesAsText("owner")).containsOnly("bob");
        assertThat(send("GET", "/api/experiments?owner=alice", bob, null)
                        .json()
                        .get("items")
                        .findValuesAsText("owner"))
                .as("a student asking for another's runs still gets their own")
                .containsOnly("bob");
        assertThat(send("GET", "/api/experiments/export.csv", bob, null).body()).doesNotContain("alice");
        assertThat(send("GET", "/experiments", bob, null).body()).doesNotContain("/experiments/" + id + "\"");
    }

    private static String upload(String cookie, String name) throws Exception {
        String boundary = "----accounts-it";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + name + "\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + ".csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + "x,y\n1,3\n2,5\n3,7\n4,9\n\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(URI.create(server.url() + "/api/datasets"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return MAPPER.readTree(response.body()).get("id").asText();
    }

    @Test
    void aStudentsUploadIsTheirsAndTheTeachersIsEveryones() throws Exception {
        String alices = upload(alice, "alice-line");
        String teachers = upload(teacher, "class-line");
        assertThat(send("GET", "/api/datasets/" + alices, alice, null)
                        .json()
                        .get("owner")
                        .asText())
                .isEqualTo("alice");
        assertThat(send("GET", "/api/datasets/" + teachers, bob, null)
                        .json()
                        .get("owner")
                        .asText())
                .isEqualTo("teach");
        for (String path :
                List.of("/api/datasets/" + alices, "/datasets/" + alices, "/api/datasets/" + alices + "/columns")) {
            assertThat(send("GET", path, bob, null).status()).as("bob: " + path).isEqualTo(404);
            assertThat(send("GET", path, alice, null).status())
                    .as("alice: " + path)
                    .isNotEqualTo(404);
            assertThat(send("GET", path, teacher, null).status())
                    .as("teacher: " + path)
                    .isNotEqualTo(404);
        }
        assertThat(send("GET", "/api/datasets", bob, null).body())
                .doesNotContain(alices)
                .contains(teachers);
        assertThat(send("GET", "/datasets", bob, null).body()).doesNotContain("/datasets/" + alices + "\"");
        Answer refused = send(
                "POST",
                "/api/experiments",
                bob,
                "{\"plugin\":\"linear-regression\",\"dataset\":\"" + alices + "\",\"params\":{\"epochs\":5}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asText()).isEqualTo("dataset");
        assertThat(refused.json().get("error").asText()).contains("unknown data set");
        assertThat(send(
                                "POST",
                                "/api/experiments",
                                bob,
                                "{\"plugin\":\"linear-regression\",\"dataset\":\"" + teachers
                                        + "\",\"params\":{\"epochs\":5}}")
                        .status())
                .as("class material")
                .isEqualTo(201);
        assertThat(send(
                                "POST",
                                "/api/experiments",
                                alice,
                                "{\"plugin\":\"linear-regression\",\"dataset\":\"" + alices
                                        + "\",\"params\":{\"epochs\":5}}")
                        .status())
                .isEqualTo(201);
        String pluginPage = send("GET", "/plugins/linear-regression", bob, null).body();
        assertThat(pluginPage)
                .doesNotContain("value=\"" + alices + "\"")
                .as("no lesson link for a student")
                .doesNotContain("make-lesson-link");
        assertThat(send("GET", "/plugins/linear-regression", teacher, null).body())
                .contains("make-lesson-link");
        assertThat(send("DELETE", "/api/datasets/" + alices, bob, null).status())
                .isEqualTo(404);

        Answer sweep = send(
                "POST",
                "/api/sweeps",
                alice,
                "{\"plugin\":\"linear-regression\",\"dataset\":\"linear-synthetic\","
                        + "\"params\":{\"epochs\":5},\"grid\":{\"learningRate\":[0.01,0.02]}}");
        assertThat(sweep.status()).as(sweep.body()).isEqualTo(201);
        assertThat(sweep.json().get("owner").asText()).isEqualTo("alice");
        long sweepId = sweep.json().get("id").asLong();
        assertThat(send("GET", "/api/sweeps/" + sweepId, bob, null).status()).isEqualTo(404);
        assertThat(send("GET", "/sweeps/" + sweepId, bob, null).status()).isEqualTo(404);
        assertThat(send("POST", "/api/sweeps/" + sweepId + "/cancel", bob, null).status())
                .isEqualTo(404);
        assertThat(send("GET", "/api/sweeps/" + sweepId, teacher, null).status())
                .isEqualTo(200);
    }

    @Test
    void theTeacherSeesEveryRunWithItsOwner() throws Exception {
        JsonNode all = send("GET", "/api/experiments?size=50", teacher, null).json();
        assertThat(all.get("items").findValuesAsText("owner")).contains("alice", "bob");
        JsonNode alices =
                send("GET", "/api/experiments?owner=alice", teacher, null).json();
        assertThat(alices.get("items").findValuesAsText("owner")).containsOnly("alice");
        assertThat(send("GET", "/api/experiments/" + aliceRun + "/metrics", teacher, null)
                        .status())
                .isEqualTo(200);
        assertThat(send("GET", "/api/compare?ids=" + aliceRun + "," + bobRun, teacher, null)
                        .status())
                .isEqualTo(200);
        String page = send("GET", "/experiments", teacher, null).body();
        assertThat(page)
                .contains("id=\"filter-owner\"")
                .contains("<td class=\"opt run-owner\">alice</td>")
                .contains("<td class=\"opt run-owner\">bob</td>");
        assertThat(send("GET", "/experiments?owner=bob", teacher, null).body()).doesNotContain("run-owner\">alice");
        assertThat(send("GET", "/experiments", alice, null).body())
                .as("a student sees no owner column")
                .doesNotContain("run-owner");
    }

    @Test
    void aStudentManagesNoAccountsAndRescansNoPlugins() throws Exception {
        assertThat(send("POST", "/api/users", alice, "{\"name\":\"mallory\"}").status())
                .isEqualTo(403);
        assertThat(send("GET", "/api/users", alice, null).status()).isEqualTo(403);
        assertThat(send("GET", "/users", alice, null).status()).isEqualTo(403);
        assertThat(send("POST", "/api/plugins/rescan", alice, null).status()).isEqualTo(403);
        assertThat(send("POST", "/api/users", teacher, "{\"name\":\"bob\"}").status())
                .as("taken")
                .isEqualTo(409);
        assertThat(send("POST", "/api/users", teacher, "{\"name\":\"../x\"}")
                        .json()
                        .get("field")
                        .asText())
                .isEqualTo("name");
    }

    @Test
    void signedInSessionsSurviveARestartAndStillSeeOnlyTheirOwn() throws Exception {
        String dave = signIn(
                "dave",
                send("POST", "/api/users", teacher, "{\"name\":\"dave\"}")
                        .json()
                        .get("password")
                        .asText());
        server.restart();
        assertThat(send("GET", "/api/session", dave, null).json().get("user").asText())
                .isEqualTo("dave");
        assertThat(send("GET", "/api/experiments/" + aliceRun, alice, null).status())
                .as("alice, still signed in")
                .isEqualTo(200);
        assertThat(send("GET", "/api/experiments/" + bobRun, alice, null).status())
                .as("and still not bob's")
                .isEqualTo(404);
        assertThat(send("GET", "/api/users", teacher, null).status()).isEqualTo(200);
    }

    @Test
    void signingOutEndsTheSessionAtOnce() throws Exception {
        String session = signIn("teach", "chalk-and-talk");
        assertThat(send("GET", "/api/experiments", session, null).status()).isEqualTo(200);
        assertThat(send("DELETE", "/api/session", session, null).status()).isEqualTo(204);
        assertThat(send("GET", "/api/experiments", session, null).status()).isEqualTo(401);
    }

    @Test
    void aTeacherResetsAForgottenPasswordAndEndsThatPersonsSessions() throws Exception {
        String carol = signIn(
                "carol",
                send("POST", "/api/users", teacher, "{\"name\":\"carol\"}")
                        .json()
                        .get("password")
                        .asText());
        assertThat(send("GET", "/api/experiments", carol, null).status()).isEqualTo(200);
        assertThat(send("POST", "/api/users/carol/reset", alice, null).status())
                .as("a student resets no one")
                .isEqualTo(403);
        Answer reset = send("POST", "/api/users/carol/reset", teacher, null);
        assertThat(reset.status()).isEqualTo(200);
        assertThat(send("GET", "/api/experiments", carol, null).status())
                .as("her old session ended")
                .isEqualTo(401);
        signIn("carol", reset.json().get("password").asText());
        assertThat(send("POST", "/api/users/nobody/reset", teacher, null).status())
                .isEqualTo(404);
    }

    @Test
    void repeatedWrongPasswordsAreThrottled() throws Exception {
        int last = 0;
        for (int i = 0; i < 6; i++) {
            last = send("POST", "/api/session", null, "{\"user\":\"nobody-here\",\"password\":\"guess-" + i + "\"}")
                    .status();
        }
        assertThat(last).isEqualTo(429);
        Answer refused = send("POST", "/api/session", null, "{\"user\":\"nobody-here\",\"password\":\"guess\"}");
        assertThat(refused.raw().headers().firstValue("Retry-After")).isPresent();
    }
}
