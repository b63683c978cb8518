package dev.lectern.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.server.metrics.MetricPoint;
import dev.lectern.server.metrics.MetricsRepository;
import dev.lectern.server.store.Database;
import dev.lectern.server.store.Jdbc;
import dev.lectern.server.testing.StoreTest;
import dev.lectern.server.testing.TestDatabase;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The runs table's queries give the same answers on H2 and PostgreSQL: every sort key both ways (text by code point,
 * missing values last, ties by id), every filter (with LIKE's wildcards taken literally), counts and paging, and the
 * status changes.
 */
class ExperimentRepositoryTest {

    // Five runs whose names, plugins and data sets sort differently by code point than by a linguistic collation.
    private static final OffsetDateTime T0 =
            OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).truncatedTo(ChronoUnit.SECONDS);

    private record Runs(long r1, long r2, long r3, long r4, long r5) {}

    private static Runs store(Jdbc jdbc) {
        ExperimentRepository repo = new ExperimentRepository(jdbc);
        MetricsRepository metrics = new MetricsRepository(jdbc);
        long r1 = repo.insert("zebra", "alpha", "1.0", "d-b", "{}", "cpu", 1, null, null);
        long r2 = repo.insert("Éclair", "Zeta", "1.0", "D-a", "{}", "cpu", 2, null, null);
        long r3 = repo.insert("a_b", "alpha", "1.0", "d-b", "{}", "cpu", 3, null, null);
        long r4 = repo.insert("ab", "mlp", "1.0", "d-c", "{}", "cpu", 4, null, null);
        long r5 = repo.insert("B2", "Zeta", "1.0", "D-a", "{}", "cpu", 5, null, null);
        repo.describe(r1, "zebra", List.of("x", "100%"), "100% fine");
        repo.describe(r2, "Éclair", List.of("y"), "has_underscore");
        // r3 stays QUEUED, never started; r4 is still running, so its duration is the longest.
        times(jdbc, r1, ExperimentStatus.SUCCEEDED, T0, T0.plusSeconds(50));
        times(jdbc, r2, ExperimentStatus.FAILED, T0.plusSeconds(10), T0.plusSeconds(20));
        times(jdbc, r4, ExperimentStatus.RUNNING, T0.plusSeconds(5), null);
        times(jdbc, r5, ExperimentStatus.CANCELLED, T0.plusSeconds(1), T0.plusSeconds(2));
        metrics.insert(
                r1,
                List.of(
                        new MetricPoint("loss", 0, 0.2),
                        new MetricPoint("loss", 1, 0.3),
                        new MetricPoint("accuracy", 0, 0.9),
                        new MetricPoint("accuracy", 1, 0.8)));
        metrics.insert(r2, List.of(new MetricPoint("loss", 0, 0.1), new MetricPoint("loss", 1, 0.5)));
        // A diverged run: its last loss is NaN, which sorts above every number on both databases.
        metrics.insert(r4, List.of(new MetricPoint("loss", 0, 0.4), new MetricPoint("loss", 1, Double.NaN)));
        metrics.insert(r5, List.of(new MetricPoint("accuracy", 0, 0.95)));
        return new Runs(r1, r2, r3, r4, r5);
    }

    private static void times(
            Jdbc jdbc, long id, ExperimentStatus status, OffsetDateTime started, OffsetDateTime finished) {
        jdbc.update(
                "UPDATE experiments SET status = ?, started_at = ?, finished_at = ? WHERE id = ?",
                status.name(),
                started,
                finished,
                id);
    }

    private static RunQuery sorted(String sort, boolean descending) {
        return new RunQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                sort,
                descending,
                0,
                100,
                Optional.empty());
    }

    private static List<Long> ids(ExperimentRepository repo, RunQuery query) {
        return repo.search(query).stream().map(Experiment::id).toList();
    }

    @StoreTest
    void everySortKeyOrdersTheSameOnBothDatabases(TestDatabase db) {
        try (Database database = db.open()) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            Runs r = store(jdbc);
            ExperimentRepository repo = new ExperimentRepository(jdbc);
            long r1 = r.r1(), r2 = r.r2(), r3 = r.r3(), r4 = r.r4(), r5 = r.r5();

            assertThat(ids(repo, sorted("id", false))).containsExactly(r1, r2, r3, r4, r5);
            assertThat(ids(repo, sorted("id", true))).containsExactly(r5, r4, r3, r2, r1);
            // Lower case, then by code point: "_" before "b", "z" before "é".
            assertThat(ids(repo, sorted("name", false))).containsExactly(r3, r4, r5, r1, r2);
            assertThat(ids(repo, sorted("name", true))).containsExactly(r2, r1, r5, r4, r3);
            // Upper case before lower case; equal values by id, in the sort's direction.
            assertThat(ids(repo, sorted("plugin", false))).containsExactly(r2, r5, r1, r3, r4);
            assertThat(ids(repo, sorted("plugin", true))).containsExactly(r4, r3, r1, r5, r2);
            assertThat(ids(repo, sorted("dataset", false))).containsExactly(r2, r5, r1, r3, r4);
            assertThat(ids(repo, sorted("status", false))).containsExactly(r5, r2, r3, r4, r1);
            // Never started: last both ways.
            assertThat(ids(repo, sorted("started", false))).containsExactly(r1, r5, r4, r2, r3);
            assertThat(ids(repo, sorted("started", true))).containsExactly(r2, r4, r5, r1, r3);
            assertThat(ids(repo, sorted("duration", false))).containsExactly(r5, r2, r1, r4, r3);
            assertThat(ids(repo, sorted("duration", true))).containsExactly(r4, r1, r2, r5, r3);
            // Runs without the metric: last both ways (among themselves by id, in the direction); NaN above every
            // number.
            assertThat(ids(repo, sorted("last:loss", false))).containsExactly(r1, r2, r4, r3, r5);
            assertThat(ids(repo, sorted("last:loss", true))).containsExactly(r4, r2, r1, r5, r3);
            // Best loss is the lowest, best accuracy the highest.
            assertThat(ids(repo, sorted("best:loss", false))).containsExactly(r2, r1, r4, r3, r5);
            assertThat(ids(repo, sorted("best:loss", true))).containsExactly(r4, r1, r2, r5, r3);
            assertThat(ids(repo, sorted("best:accuracy", false))).containsExactly(r1, r5, r2, r3, r4);
            assertThat(ids(repo, sorted("best:accuracy", true))).containsExactly(r5, r1, r4, r3, r2);
            assertThat(ids(repo, sorted("last:accuracy", true))).containsExactly(r5, r1, r4, r3, r2);
            assertThat(ids(repo, sorted("last:nothing", true)))
                    .as("a metric no run has")
                    .containsExactly(r5, r4, r3, r2, r1);
        }
    }

    @StoreTest
    void filtersCountsAndPages(TestDatabase db) {
        try (Database database = db.open()) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            Runs r = store(jdbc);
            ExperimentRepository repo = new ExperimentRepository(jdbc);

            assertThat(ids(
                            repo,
                            filter(
                                    Optional.of("alpha"),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty())))
                    .containsExactly(r.r1(), r.r3());
            assertThat(ids(
                            repo,
                            filter(
                                    Optional.empty(),
                                    Optional.of("D-a"),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty())))
                    .containsExactly(r.r2(), r.r5());
            assertThat(ids(
                            repo,
                            filter(
                                    Optional.empty(),
                                    Optional.of("d-a"),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty())))
                    .as("data set ids match exactly")
                    .isEmpty();
            assertThat(ids(
                            repo,
                            filter(
                                    Optional.of("alpha"),
                                    Optional.empty(),
                                    Optional.of(ExperimentStatus.QUEUED),
                                    Optional.empty(),
                                    Optional.empty())))
                    .containsExactly(r.r3());
            assertThat(ids(repo, tag("x"))).containsExactly(r.r1());
            assertThat(ids(repo, tag("100%"))).containsExactly(r.r1());
            assertThat(ids(repo, tag("1%"))).as("% is no wildcard").isEmpty();
            assertThat(ids(repo, tag("_"))).as("_ is no wildcard").isEmpty();
            assertThat(ids(repo, text("ÉCL"))).as("case ignored beyond ASCII").containsExactly(r.r2());
            assertThat(ids(repo, text("_"))).as("in a name or in notes").containsExactly(r.r2(), r.r3());
            assertThat(ids(repo, text("%"))).containsExactly(r.r1());
            assertThat(ids(repo, text("A"))).containsExactly(r.r1(), r.r2(), r.r3(), r.r4());
            assertThat(repo.count(text("A"))).isEqualTo(4);

            RunQuery page = new RunQuery(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    "name",
                    false,
                    1,
                    2,
                    Optional.empty());
            assertThat(ids(repo, page)).containsExactly(r.r4(), r.r5());
            assertThat(repo.count(page)).as("counts ignore the page").isEqualTo(5);
            assertThat(repo.count(Optional.empty())).isEqualTo(5);
            assertThat(repo.count(Optional.of("Zeta"))).isEqualTo(2);
            assertThat(repo.page(Optional.empty(), 0, 2))
                    .extracting(Experiment::id)
                    .containsExactly(r.r5(), r.r4());
            assertThat(repo.page(Optional.of("alpha"), 1, 5))
                    .extracting(Experiment::id)
                    .containsExactly(r.r1());
        }
    }

    private static RunQuery filter(
            Optional<String> plugin,
            Optional<String> dataset,
            Optional<ExperimentStatus> status,
            Optional<String> tag,
            Optional<String> text) {
        return new RunQuery(plugin, dataset, status, tag, text, "id", false, 0, 100, Optional.empty());
    }

    private static RunQuery tag(String tag) {
        return filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(tag), Optional.empty());
    }

    private static RunQuery text(String text) {
        return filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(text));
    }

    @StoreTest
    void aRunIsStoredDescribedMovedThroughItsStatesAndDeleted(TestDatabase db) {
        try (Database database = db.open()) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            ExperimentRepository repo = new ExperimentRepository(jdbc);
            OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
            long id = repo.insert(
                    "first", "linear-regression", "1.2.0", "ex1data1", "{\"epochs\":3}", "cpu", 42, null, null);
            long other = repo.insert("second", "linear-regression", "1.2.0", "ex1data1", "{}", "cpu", 7, null, null);
            assertThat(other).as("dense ids").isEqualTo(id + 1);

            Experiment stored = repo.find(id).orElseThrow();
            assertThat(stored.name()).isEqualTo("first");
            assertThat(stored.pluginId()).isEqualTo("linear-regression");
            assertThat(stored.pluginVersion()).isEqualTo("1.2.0");
            assertThat(stored.datasetId()).isEqualTo("ex1data1");
            assertThat(stored.paramsJson()).isEqualTo("{\"epochs\":3}");
            assertThat(stored.seed()).isEqualTo(42);
            assertThat(stored.status()).isEqualTo(ExperimentStatus.QUEUED);
            assertThat(stored.createdAt())
                    .isAfter(before.toInstant())
                    .isBefore(before.toInstant().plusSeconds(60));
            assertThat(stored.startedAt()).isEmpty();
            assertThat(stored.tags()).isEmpty();
            assertThat(stored.notes()).isEmpty();
            assertThat(stored.stepsPerEpoch()).isEmpty();
            assertThat(repo.find(id + 100)).isEmpty();

            assertThat(repo.describe(id, "renamed", List.of("baseline", "lr-0.01"), "# Notes\nfine"))
                    .isTrue();
            assertThat(repo.describe(id + 100, "x", List.of(), "")).isFalse();
            Experiment described = repo.find(id).orElseThrow();
            assertThat(described.name()).isEqualTo("renamed");
            assertThat(described.tags()).containsExactly("baseline", "lr-0.01");
            assertThat(described.notes()).isEqualTo("# Notes\nfine");

            assertThat(repo.countWithStatus(ExperimentStatus.QUEUED)).isEqualTo(2);
            assertThat(repo.idsWithStatus(ExperimentStatus.QUEUED)).containsExactly(id, other);
            assertThat(repo.markRunning(id, "here")).isTrue();
            assertThat(repo.markRunning(id, "here")).as("no longer queued").isFalse();
            repo.updateProgress(id, 5, 10);
            repo.updateStepsPerEpoch(id, 97);
            Experiment running = repo.find(id).orElseThrow();
            assertThat(running.status()).isEqualTo(ExperimentStatus.RUNNING);
            assertThat(running.startedAt()).isPresent();
            assertThat(running.progressDone()).isEqualTo(5);
            assertThat(running.progressTotal()).isEqualTo(10);
            assertThat(running.stepsPerEpoch()).hasValue(97L);
            assertThat(repo.countWithStatus(ExperimentStatus.RUNNING)).isEqualTo(1);

            assertThat(repo.finish(id, ExperimentStatus.FAILED, "x".repeat(5000), "{\"loss\":1.0}"))
                    .isTrue();
            assertThat(repo.finish(id, ExperimentStatus.SUCCEEDED, null, null))
                    .as("a final state stays")
                    .isFalse();
            Experiment failed = repo.find(id).orElseThrow();
            assertThat(failed.status()).isEqualTo(ExperimentStatus.FAILED);
            assertThat(failed.error().orElseThrow()).hasSize(4000).endsWith("...");
            assertThat(failed.summaryJson()).hasValue("{\"loss\":1.0}");
            assertThat(failed.finishedAt()).isPresent();
            assertThat(failed.duration()).isPresent();

            assertThat(repo.markRunning(other, "here")).isTrue();
            assertThat(repo.interruptRunning("here", "the server stopped")).isEqualTo(1);
            assertThat(repo.find(other).orElseThrow().status()).isEqualTo(ExperimentStatus.INTERRUPTED);
            assertThat(repo.countWithStatus(ExperimentStatus.RUNNING)).isZero();

            assertThat(repo.delete(id)).isTrue();
            assertThat(repo.delete(id)).isFalse();
            assertThat(repo.find(id)).isEmpty();
            assertThat(repo.count(Optional.empty())).isEqualTo(1);
        }
    }
}
