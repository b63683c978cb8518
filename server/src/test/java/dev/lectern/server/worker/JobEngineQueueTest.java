package dev.lectern.server.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.server.experiment.ExperimentRepository;
import dev.lectern.server.experiment.ExperimentStatus;
import dev.lectern.server.store.Database;
import dev.lectern.server.store.Jdbc;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The job engine's queue on a real H2 file, with one training thread: the order runs are taken in, and no retry. */
@Timeout(60)
class JobEngineQueueTest {

    private static final String PLUGIN = "p";

    @Test
    void oneStudentsManyRunsDoNotMakeAnotherWaitBehindAllOfThem(@TempDir Path dir) throws Exception {
        try (Database database = Database.open("jdbc:h2:file:" + dir.resolve("db"))) {
            ExperimentRepository runs = new ExperimentRepository(new Jdbc(database.dataSource()));
            List<Long> order = new CopyOnWriteArrayList<>();
            CountDownLatch first = new CountDownLatch(1);
            CountDownLatch gate = new CountDownLatch(1);
            CountDownLatch all = new CountDownLatch(7);
            JobEngineQueue queue = JobEngineQueue.start(
                    database.dataSource(),
                    "n1",
                    1,
                    Set.of(RunTasks.name(PLUGIN, "1", false)),
                    Duration.ofMillis(100),
                    runs,
                    (id, cancelled) -> {
                        order.add(id);
                        runs.markRunning(id, "n1");
                        if (order.size() == 1) {
                            first.countDown();
                            await(gate);
                        }
                        runs.finish(id, ExperimentStatus.SUCCEEDED, null, null);
                        all.countDown();
                    },
                    (id, node) -> {},
                    Duration.ofSeconds(1));
            try {
                long a1 = submit(queue, runs, "alice");
                assertThat(first.await(10, TimeUnit.SECONDS))
                        .as("the first run started")
                        .isTrue();
                // Apart, so the engine looks for due runs after each one, as it does when a class presses Run.
                long a2 = submitAfterAWhile(queue, runs, "alice");
                long a3 = submitAfterAWhile(queue, runs, "alice");
                long a4 = submitAfterAWhile(queue, runs, "alice");
                long a5 = submitAfterAWhile(queue, runs, "alice");
                long a6 = submitAfterAWhile(queue, runs, "alice");
                long b1 = submitAfterAWhile(queue, runs, "bob");
                gate.countDown();
                assertThat(all.await(30, TimeUnit.SECONDS))
                        .as("every run trained: " + order)
                        .isTrue();
                assertThat(order)
                        .as("each run trained once")
                        .doesNotHaveDuplicates()
                        .hasSize(7);
                assertThat(order.get(0)).isEqualTo(a1);
                assertThat(order.indexOf(b1))
                        .as("bob's run, queued last, waits behind one of alice's five, not all: " + order)
                        .isLessThanOrEqualTo(2);
                assertThat(order.indexOf(a2)).isLessThan(order.indexOf(a3));
                assertThat(order.indexOf(a5)).isLessThan(order.indexOf(a6));
                assertThat(order.indexOf(a3)).isLessThan(order.indexOf(a4));
            } finally {
                queue.close();
            }
        }
    }

    @Test
    void aRunWhoseTrainingThrowsIsNotRetried(@TempDir Path dir) throws Exception {
        try (Database database = Database.open("jdbc:h2:file:" + dir.resolve("db"))) {
            ExperimentRepository runs = new ExperimentRepository(new Jdbc(database.dataSource()));
            List<Long> calls = new CopyOnWriteArrayList<>();
            JobEngineQueue queue = JobEngineQueue.start(
                    database.dataSource(),
                    "n1",
                    1,
                    Set.of(RunTasks.name(PLUGIN, "1", false)),
                    Duration.ofMillis(100),
                    runs,
                    (id, cancelled) -> {
                        calls.add(id);
                        throw new IllegalStateException("boom");
                    },
                    (id, node) -> {},
                    Duration.ofSeconds(1));
            try {
                long id = submit(queue, runs, null);
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (calls.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                Thread.sleep(2000);
                assertThat(calls).as("tried once, not again").containsExactly(id);
                assertThat(queue.queued(runs.find(id).orElseThrow()))
                        .as("the engine holds nothing for it")
                        .isFalse();
            } finally {
                queue.close();
            }
        }
    }

    private static long submit(JobEngineQueue queue, ExperimentRepository runs, String owner) {
        long id = runs.insert("run", PLUGIN, "1", "d", "{}", "cpu", 1, null, owner);
        assertThat(queue.submit(id, owner)).isTrue();
        return id;
    }

    private static long submitAfterAWhile(JobEngineQueue queue, ExperimentRepository runs, String owner)
            throws InterruptedException {
        Thread.sleep(300);
        return submit(queue, runs, owner);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
