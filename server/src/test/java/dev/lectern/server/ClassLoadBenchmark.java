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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class of 30 on one machine (loopback, bounded): every student signs in, opens the lesson and starts a run within
 * a few seconds; while the queue drains, a teacher and the students keep opening pages. Prints the page latencies
 * (p50/p95/p99) and how long the queue took to drain; every run must succeed. Run with
 * {@code mvn -B -Pbenchmark -pl server -am verify -Dtest=ClassLoadBenchmark}.
 */
@Tag("benchmark")
class ClassLoadBenchmark {

    private static final int STUDENTS = 30;

    @Test
    void thirtyStudentsStartALessonAtOnce(@TempDir Path dataDir) throws Exception {
        try (Database database = Database.open(
                "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("lectern"))) {
            new UserStore(new Jdbc(database.dataSource())).add("teach", Role.TEACHER, "chalk-and-talk");
        }
        try (TestServer server = TestServer.start(dataDir, "--accounts", "--concurrency", "2")) {
            String base = server.url();
            String teacher = signIn(base, "teach", "chalk-and-talk");
            String code = send(
                            base,
                            "POST",
                            "/api/lessons",
                            teacher,
                            LessonsIT.LESSON.replace("\"epochs\":200", "\"epochs\":300"))
                    .json()
                    .get("code")
                    .asText();
            long lesson = send(base, "GET", "/api/lessons", teacher, null)
                    .json()
                    .get(0)
                    .get("id")
                    .asLong();
            List<String> students = new ArrayList<>();
            for (int i = 0; i < STUDENTS; i++) {
                String password = send(base, "POST", "/api/users", teacher, "{\"name\":\"s" + i + "\"}")
                        .json()
                        .get("password")
                        .asText();
                students.add(signIn(base, "s" + i, password));
            }
            // The 30 lesson pages opened at once are timed apart from the pages opened while the queue drains: the
            // issue bounds the latter, and mixing the burst in (8 % of the samples) made it the whole p95 and p99.
            List<Long> burst = Collections.synchronizedList(new ArrayList<>());
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            // Which page is slow, when the p99 is over its bound.
            Map<String, List<Long>> byPage = new LinkedHashMap<>();
            for (String page : List.of("/", "/experiments", "/l/{code}", "/api/lessons/{id}/class")) {
                byPage.put(page, Collections.synchronizedList(new ArrayList<>()));
            }
            AtomicBoolean draining = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(STUDENTS + 2);
            long start = System.nanoTime();
            List<Future<Long>> runs = new ArrayList<>();
            for (int i = 0; i < STUDENTS; i++) {
                String cookie = students.get(i);
                // Alphas across 0.001..0.02, all below the 0.0243 where gradient descent on the unscaled food-truck
                // data diverges (2 / the largest eigenvalue of X'X/m), so every run is expected to end SUCCEEDED and
                // any other ending is the server's fault, not the student's alpha.
                double alpha = 0.001 + 0.019 * i / (STUDENTS - 1);
                runs.add(pool.submit(() -> {
                    timed(burst, base, "/l/" + code, cookie);
                    Answer run = send(
                            base,
                            "POST",
                            "/api/l/" + code + "/run",
                            cookie,
                            String.format(
                                    Locale.ROOT, "{\"answer\":\"fall\",\"params\":{\"learningRate\":%.4f}}", alpha));
                    assertThat(run.status()).as(run.body()).isEqualTo(201);
                    return run.json().get("id").asLong();
                }));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Long> run : runs) {
                ids.add(run.get());
            }
            double startedIn = (System.nanoTime() - start) / 1e9;
            Future<?> pages = pool.submit(() -> {
                int k = 0;
                while (draining.get() && k < 20_000) {
                    String cookie = students.get(k % STUDENTS);
                    String page = k % 3 == 0 ? "/experiments" : k % 3 == 1 ? "/l/{code}" : "/";
                    byPage.get(page).add(timed(latencies, base, page.replace("{code}", code), cookie));
                    if (k % 5 == 0) {
                        byPage.get("/api/lessons/{id}/class")
                                .add(timed(latencies, base, "/api/lessons/" + lesson + "/class", teacher));
                    }
                    k++;
                }
                return null;
            });
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            int done = 0;
            int succeeded = 0;
            while (System.nanoTime() < deadline) {
                JsonNode view = send(base, "GET", "/api/lessons/" + lesson + "/class", teacher, null)
                        .json();
                done = 0;
                succeeded = 0;
                for (JsonNode run : view.get("runs")) {
                    String status = run.get("status").asText();
                    done += status.equals("QUEUED") || status.equals("RUNNING") ? 0 : 1;
                    succeeded += status.equals("SUCCEEDED") ? 1 : 0;
                }
                if (done == STUDENTS) {
                    break;
                }
                Thread.sleep(250);
            }
            double drained = (System.nanoTime() - start) / 1e9;
            draining.set(false);
            pages.get();
            pool.shutdown();
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            List<Long> opened = new ArrayList<>(burst);
            Collections.sort(opened);
            System.out.printf(
                    Locale.ROOT,
                    "BENCH class of %d: the lesson page opened by all at once: p50 %.1f ms, max %.1f ms; "
                            + "all runs started in %.2f s, queue drained in %.1f s (2 workers); %d page loads while draining: p50 %.1f ms, "
                            + "p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    STUDENTS,
                    pct(opened, 50),
                    opened.get(opened.size() - 1) / 1e6,
                    startedIn,
                    drained,
                    sorted.size(),
                    pct(sorted, 50),
                    pct(sorted, 95),
                    pct(sorted, 99),
                    sorted.get(sorted.size() - 1) / 1e6);
            byPage.forEach((page, times) -> {
                List<Long> t = new ArrayList<>(times);
                Collections.sort(t);
                System.out.printf(
                        Locale.ROOT,
                        "BENCH   %s: %d loads, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                        page,
                        t.size(),
                        pct(t, 50),
                        pct(t, 99),
                        t.get(t.size() - 1) / 1e6);
            });
            // The bounds: every student started a run within a minute, every run succeeded, and the pages
            // answered with a p99 under 200 ms while the queue drained.
            assertThat(startedIn)
                    .as("seconds until all %d runs were started", STUDENTS)
                    .isLessThan(60);
            assertThat(done).as("every run ended").isEqualTo(STUDENTS);
            assertThat(succeeded).as("every run SUCCEEDED").isEqualTo(STUDENTS);
            assertThat(pct(sorted, 99))
                    .as("page p99 latency in ms while the queue drained")
                    .isLessThan(200);
        }
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    private static long timed(List<Long> latencies, String base, String path, String cookie) throws Exception {
        long t0 = System.nanoTime();
        Answer answer = send(base, "GET", path, cookie, null);
        long took = System.nanoTime() - t0;
        latencies.add(took);
        assertThat(answer.status()).as(path).isEqualTo(200);
        return took;
    }

    private static String signIn(String base, String user, String password) throws Exception {
        return CookieHttp.signIn(base, user, password);
    }

    private static Answer send(String base, String method, String path, String cookie, String body) throws Exception {
        return CookieHttp.send(base, method, path, cookie, body);
    }
}
