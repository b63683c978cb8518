package dev.lectern.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import dev.lectern.datasets.DatasetCatalog;
import dev.lectern.datasets.DatasetResolver;
import dev.lectern.datasets.DatasetService;
import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.server.ConflictException;
import dev.lectern.server.DeviceResolver;
import dev.lectern.server.Json;
import dev.lectern.server.QuotaExceededException;
import dev.lectern.server.metrics.LiveHub;
import dev.lectern.server.plugin.PluginManager;
import dev.lectern.server.store.Database;
import dev.lectern.server.store.Jdbc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The experiment service on a real H2 database with an in-memory queue in place of the executor: what it hands the
 * queue, what it refuses, and what it leaves in the table.
 */
class ExperimentServiceTest {

    /** Keeps what it is given; trains nothing. */
    static final class RecordingQueue implements ExperimentQueue {
        final List<Long> submitted = new ArrayList<>();
        final List<Long> cancelled = new ArrayList<>();
        boolean full;

        @Override
        public boolean submit(long experimentId, String owner) {
            if (full) {
                return false;
            }
            submitted.add(experimentId);
            return true;
        }

        @Override
        public void cancel(long experimentId) {
            cancelled.add(experimentId);
        }

        @Override
        public void close() {}
    }

    @TempDir
    Path dir;

    Database database;
    ExperimentRepository runs;
    RecordingQueue queue;
    ExperimentService service;

    @BeforeEach
    void wire() {
        database = Database.open("jdbc:h2:file:" + dir.resolve("db"));
        Jdbc jdbc = new Jdbc(database.dataSource());
        runs = new ExperimentRepository(jdbc);
        queue = new RecordingQueue();
        PluginManager plugins = new PluginManager(getClass().getClassLoader(), List.of());
        plugins.loadAll();
        Json json = new Json();
        service = new ExperimentService(
                runs,
                new ArtifactStore(dir.resolve("artifacts"), jdbc),
                plugins,
                new DatasetService(
                        DatasetCatalog.builtIn(), new DatasetResolver(Optional.empty(), dir.resolve("cache"))),
                new DeviceResolver(Engine.getEngine("PyTorch")),
                new LiveHub(json::write),
                json,
                "cpu",
                queue,
                new QueueQuota(runs, 2, 1_000),
                (requester, dataset) -> true);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private NewExperiment run(Map<String, Object> params) {
        return new NewExperiment("failing-test", "linear-synthetic", params, null, null);
    }

    @Test
    void aCreatedRunIsStoredQueuedAndHandedToTheQueue() {
        Experiment created = service.create(run(Map.of("steps", 2)));
        assertThat(created.status()).isEqualTo(ExperimentStatus.QUEUED);
        assertThat(queue.submitted).containsExactly(created.id());
        assertThat(runs.find(created.id())).isPresent();
    }

    @Test
    void theQuotaRefusesBeforeAnythingIsStored() {
        service.create(run(Map.of()));
        service.create(run(Map.of()));
        assertThatThrownBy(() -> service.create(run(Map.of())))
                .isInstanceOf(QuotaExceededException.class)
                .hasMessageContaining("--max-queued");
        assertThat(runs.countWithStatus(ExperimentStatus.QUEUED)).isEqualTo(2);
        assertThat(queue.submitted).hasSize(2);
    }

    @Test
    void aRunLargerThanTheSizeLimitNamesEpochs() {
        QueueQuota quota = new QueueQuota(runs, 10, 1_000);
        ParamValues big = ParamValues.check(
                List.of(ParamSpec.ofInt("epochs", "Epochs", 1, 1, 1_000_000, "")), Map.of("epochs", 11));
        assertThatThrownBy(() -> quota.checkSize(big, Optional.of(100)))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.field()).isEqualTo("epochs"))
                .hasMessageContaining("1100 examples")
                .hasMessageContaining("at most 10 epochs");
        quota.checkSize(big, Optional.of(90));
        quota.checkSize(big, Optional.empty());
    }

    @Test
    void aQueueThatRefusesLeavesTheRunFailedWithTheReason() {
        queue.full = true;
        assertThatThrownBy(() -> service.create(run(Map.of()))).isInstanceOf(QuotaExceededException.class);
        Experiment stored = runs.search(RunQuery.newest(0, 10)).get(0);
        assertThat(stored.status()).isEqualTo(ExperimentStatus.FAILED);
        assertThat(stored.error()).contains("the queue is full");
    }

    @Test
    void cancellingAQueuedRunEndsItAndTellsTheQueue() {
        Experiment created = service.create(run(Map.of()));
        assertThat(service.cancel(created.id()).status()).isEqualTo(ExperimentStatus.CANCELLED);
        assertThat(queue.cancelled).containsExactly(created.id());
        assertThatThrownBy(() -> service.cancel(created.id())).isInstanceOf(ConflictException.class);
    }

    @Test
    void anActiveRunCannotBeDeletedAndAnEmptyNameIsRefused() {
        Experiment created = service.create(run(Map.of()));
        assertThatThrownBy(() -> service.delete(created.id())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> service.describe(created.id(), " ", null, null))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.field()).isEqualTo("name"));
        assertThat(service.describe(created.id(), null, "a, b", "n").tags()).containsExactly("a", "b");
    }

    @Test
    void aSweepsRunsAreTaggedWithTheirSweepFromTheStart() {
        long sweep = new Jdbc(database.dataSource())
                .insert("INSERT INTO sweeps (name, plugin_id, dataset_id, grid_json, "
                        + "created_at) VALUES ('s', 'failing-test', 'linear-synthetic', '{}', CURRENT_TIMESTAMP)");
        Experiment inSweep = service.create(
                new NewExperiment("failing-test", "linear-synthetic", Map.of(), null, null, sweep, null));
        assertThat(inSweep.tags()).containsExactly("sweep-" + sweep);
        assertThat(service.inSweep(sweep)).extracting(Experiment::id).containsExactly(inSweep.id());
        assertThat(service.create(run(Map.of())).tags()).isEmpty();
    }
}
