package dev.lectern.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.server.access.Role;
import dev.lectern.server.account.UserStore;
import dev.lectern.server.store.Database;
import dev.lectern.server.store.Jdbc;
import dev.lectern.server.testing.CookieHttp;
import dev.lectern.server.testing.Http;
import dev.lectern.server.testing.RawHttp;
import dev.lectern.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue has a cap (a sweep counts every combination), each person with an account a cap of their own, and one run
 * a size limit; over them the answer says which.
 */
class QueueQuotaIT {

    private static final String RUN =
            "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\",\"params\":{\"epochs\":200000}}";

    @Test
    void aBurstFillsTheQueueToItsCapAndNoFurther(@TempDir Path dataDir) throws Exception {
        try (TestServer server = TestServer.start(dataDir, "--max-queued", "4", "--concurrency", "1")) {
            Http http = new Http(server.url());
            long first = http.post("/api/experiments", RUN).json().get("id").asLong();
            http.awaitStatus(first, "RUNNING"::equals, Duration.ofSeconds(60));

            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                answers.add(
                        clients.submit(() -> http.post("/api/experiments", RUN).status()));
            }
            int created = 0;
            int refused = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                created += status == 201 ? 1 : 0;
                refused += status == 429 ? 1 : 0;
            }
            clients.shutdown();
            assertThat(created).as("exactly the cap was admitted").isEqualTo(4);
            assertThat(refused).isEqualTo(8);

            RawHttp.Answer full = RawHttp.send(
                    server.port(),
                    "POST /api/experiments HTTP/1.1\nHost: 127.0.0.1\n" + "Content-Type: application/json",
                    RUN);
            assertThat(full.status()).isEqualTo(429);
            assertThat(full.header("Retry-After")).isNotBlank();
            assertThat(full.body()).contains("--max-queued").contains("4");

            JsonNode list = http.get("/api/experiments?status=QUEUED").json();
            assertThat(list.get("total").asLong()).isEqualTo(4);
            for (JsonNode run : http.get("/api/experiments?size=50").json().get("items")) {
                if (run.get("status").asText().equals("QUEUED")
                        || run.get("status").asText().equals("RUNNING")) {
                    http.post("/api/experiments/" + run.get("id").asLong() + "/cancel", "");
                }
            }
            Http.Response sweep = http.post(
                    "/api/sweeps",
                    "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\","
                            + "\"grid\":{\"learningRate\":[0.001,0.002,0.003,0.004,0.005]}}");
            assertThat(sweep.status())
                    .as("a sweep of 5 does not fit a queue of 4: %s", sweep.json())
                    .isEqualTo(429);
            assertThat(sweep.json().get("error").asText()).contains("5 runs");
            assertThat(http.get("/api/experiments?status=QUEUED")
                            .json()
                            .get("total")
                            .asLong())
                    .as("a refused sweep queues none of its runs")
                    .isZero();
        }
    }

    @Test
    void aRunLargerThanTheLimitIsRefusedNamingEpochs(@TempDir Path dataDir) throws Exception {
        try (TestServer server = TestServer.start(dataDir, "--max-run-examples", "100000")) {
            Http http = new Http(server.url());
            // linear-synthetic is generated, so its rows are known before any run.
            Http.Response big = http.post(
                    "/api/experiments",
                    "{\"plugin\":\"linear-regression\",\"dataset\":\"linear-synthetic\","
                            + "\"params\":{\"epochs\":1000000}}");
            assertThat(big.status()).isEqualTo(400);
            assertThat(big.json().get("field").asText()).isEqualTo("epochs");
            assertThat(big.json().get("error").asText())
                    .contains("--max-run-examples")
                    .contains("100000");
            Http.Response small = http.post(
                    "/api/experiments",
                    "{\"plugin\":\"linear-regression\",\"dataset\":\"linear-synthetic\","
                            + "\"params\":{\"epochs\":10}}");
            assertThat(small.status()).isEqualTo(201);
        }
    }

    @Test
    void withAccountsEachPersonHasTheirOwnCapAndOneFullQueueBlocksNoOneElse(@TempDir Path dataDir) throws Exception {
        try (Database database = Database.open(
                "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("lectern"))) {
            new UserStore(new Jdbc(database.dataSource())).add("teach", Role.TEACHER, "chalk-and-talk");
        }
        try (TestServer server =
                TestServer.start(dataDir, "--accounts", "--concurrency", "1", "--max-queued-per-user", "2")) {
            String base = server.url();
            String teacher = CookieHttp.signIn(base, "teach", "chalk-and-talk");
            String alice = CookieHttp.signIn(
                    base,
                    "alice",
                    CookieHttp.send(base, "POST", "/api/users", teacher, "{\"name\":\"alice\"}")
                            .json()
                            .get("password")
                            .asText());
            String bob = CookieHttp.signIn(
                    base,
                    "bob",
                    CookieHttp.send(base, "POST", "/api/users", teacher, "{\"name\":\"bob\"}")
                            .json()
                            .get("password")
                            .asText());
            // The teacher's long run holds the only worker, so every student's run below stays QUEUED.
            long busy = CookieHttp.send(base, "POST", "/api/experiments", teacher, RUN)
                    .json()
                    .get("id")
                    .asLong();
            for (int i = 0;
                    i < 600
                            && !CookieHttp.send(base, "GET", "/api/experiments/" + busy, teacher, null)
                                    .json()
                                    .get("status")
                                    .asText()
                                    .equals("RUNNING");
                    i++) {
                Thread.sleep(100);
            }
            assertThat(CookieHttp.send(base, "POST", "/api/experiments", alice, RUN)
                            .status())
                    .isEqualTo(201);
            assertThat(CookieHttp.send(base, "POST", "/api/experiments", alice, RUN)
                            .status())
                    .isEqualTo(201);
            CookieHttp.Answer third = CookieHttp.send(base, "POST", "/api/experiments", alice, RUN);
            assertThat(third.status()).as(third.body()).isEqualTo(429);
            assertThat(third.raw().headers().firstValue("Retry-After")).isPresent();
            assertThat(third.json().get("error").asText())
                    .contains("--max-queued-per-user")
                    .contains("2");
            CookieHttp.Answer sweep = CookieHttp.send(
                    base,
                    "POST",
                    "/api/sweeps",
                    bob,
                    "{\"plugin\":\"linear-regression\","
                            + "\"dataset\":\"ex1data1\",\"grid\":{\"learningRate\":[0.001,0.002,0.003]}}");
            assertThat(sweep.status())
                    .as("a sweep of 3 does not fit a cap of 2: %s", sweep.body())
                    .isEqualTo(429);
            assertThat(CookieHttp.send(base, "POST", "/api/experiments", bob, RUN)
                            .status())
                    .as("alice's full share does not keep bob out")
                    .isEqualTo(201);

            for (JsonNode run : CookieHttp.send(base, "GET", "/api/experiments?size=50", teacher, null)
                    .json()
                    .get("items")) {
                String status = run.get("status").asText();
                if (status.equals("QUEUED") || status.equals("RUNNING")) {
                    CookieHttp.send(
                            base, "POST", "/api/experiments/" + run.get("id").asLong() + "/cancel", teacher, null);
                }
            }
        }
    }
}
