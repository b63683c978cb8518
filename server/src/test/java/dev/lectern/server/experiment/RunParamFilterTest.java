package dev.lectern.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.server.metrics.MetricPoint;
import dev.lectern.server.metrics.MetricsRepository;
import dev.lectern.server.store.Database;
import dev.lectern.server.store.Jdbc;
import dev.lectern.server.testing.StoreTest;
import dev.lectern.server.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;

/**
 * The runs table's hyperparameter filter ({@code hp}) and grouping give the same answers on H2 and PostgreSQL:
 * numbers compare as numbers (9 below 100, 0.010 equal to 0.01), text by equality, conditions ANDed, counts and pages
 * follow the filter, groups come in their values' order with the chosen sort inside, and runs stored before the
 * parameters had rows of their own get them from the migration.
 */
class RunParamFilterTest {

    private record Runs(long a, long b, long c, long d, long e) {}

    private static Runs store(Jdbc jdbc) {
        ExperimentRepository repo = new ExperimentRepository(jdbc);
        MetricsRepository metrics = new MetricsRepository(jdbc);
        long a = repo.insert(
                "a",
                "mlp",
                "1",
                "xor",
                "{\"learningRate\":0.01,\"epochs\":9,\"optimizer\":\"adam\"}",
                "cpu",
                1,
                null,
                null);
        long b = repo.insert(
                "b",
                "mlp",
                "1",
                "xor",
                "{\"learningRate\":0.1,\"epochs\":100,\"optimizer\":\"sgd\"}",
                "cpu",
                2,
                null,
                null);
        long c = repo.insert(
                "c",
                "mlp",
                "1",
                "xor",
                "{\"learningRate\":0.010,\"epochs\":250,\"optimizer\":\"adam\"}",
                "cpu",
                3,
                null,
                null);
        // A text parameter that reads like a number, a boolean, and a run without learningRate.
        long d = repo.insert(
                "d",
                "char-rnn",
                "1",
                "hello",
                "{\"epochs\":1000,\"cell\":\"64\",\"standardize\":true}",
                "cpu",
                4,
                null,
                null);
        long e = repo.insert("e", "mlp", "1", "xor", "{\"learningRate\":1e-3,\"epochs\":10}", "cpu", 5, null, null);
        metrics.insert(a, List.of(new MetricPoint("loss", 0, 0.5), new MetricPoint("loss", 1, 0.2)));
        metrics.insert(b, List.of(new MetricPoint("loss", 0, 0.9)));
        metrics.insert(c, List.of(new MetricPoint("loss", 0, 0.3)));
        metrics.insert(e, List.of(new MetricPoint("loss", 0, 0.4)));
        return new Runs(a, b, c, d, e);
    }

    private static RunQuery where(String hp) {
        return query(hp, "id", false, 0, 100, Optional.empty());
    }

    private static RunQuery query(
            String hp, String sort, boolean descending, int offset, int limit, Optional<String> g) {
        return new RunQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                sort,
                descending,
                offset,
                limit,
                Optional.empty(),
                ParamCondition.parse(hp.isEmpty() ? List.of() : List.of(hp)),
                g);
    }

    private static List<Long> ids(ExperimentRepository repo, RunQuery query) {
        return repo.search(query).stream().map(Experiment::id).toList();
    }

    @StoreTest
    void numbersCompareAsNumbersAndTextByEquality(TestDatabase db) {
        try (Database database = db.open()) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            Runs r = store(jdbc);
            ExperimentRepository repo = new ExperimentRepository(jdbc);

            assertThat(ids(repo, where("learningRate=0.01")))
                    .as("0.010 and 0.01 are one number")
                    .containsExactly(r.a(), r.c());
            assertThat(ids(repo, where("learningRate=1e-2"))).containsExactly(r.a(), r.c());
            assertThat(ids(repo, where("learningRate=0.001"))).containsExactly(r.e());
            // As text "9" > "100" > "1000"; as numbers they are ordered.
            assertThat(ids(repo, where("epochs>100"))).containsExactly(r.c(), r.d());
            assertThat(ids(repo, where("epochs>=100"))).containsExactly(r.b(), r.c(), r.d());
            assertThat(ids(repo, where("epochs<10"))).containsExactly(r.a());
            assertThat(ids(repo, where("epochs<=10"))).containsExactly(r.a(), r.e());
            assertThat(ids(repo, where("epochs>=10, epochs<=250")))
                    .as("a range")
                    .containsExactly(r.b(), r.c(), r.e());
            assertThat(ids(repo, where("optimizer=adam"))).containsExactly(r.a(), r.c());
            assertThat(ids(repo, where("optimizer=ADAM")))
                    .as("text matches exactly")
                    .isEmpty();
            assertThat(ids(repo, where("optimizer!=adam")))
                    .as("!= needs the parameter")
                    .containsExactly(r.b());
            assertThat(ids(repo, where("learningRate!=0.01"))).containsExactly(r.b(), r.e());
            assertThat(ids(repo, where("cell=64")))
                    .as("a number matches text that says it")
                    .containsExactly(r.d());
            assertThat(ids(repo, where("cell>10")))
                    .as("text is never ordered as a number")
                    .isEmpty();
            assertThat(ids(repo, where("standardize=true"))).containsExactly(r.d());
            assertThat(ids(repo, where("optimizer=adam, epochs>100")))
                    .as("ANDed")
                    .containsExactly(r.c());
            assertThat(ids(repo, where("nothing=1"))).isEmpty();
            assertThat(repo.count(where("epochs>=10"))).isEqualTo(4);

            RunQuery page = query("epochs>=10", "name", true, 1, 2, Optional.empty());
            assertThat(ids(repo, page)).containsExactly(r.d(), r.c());
            assertThat(repo.count(page))
                    .as("counts follow the filter, not the page")
                    .isEqualTo(4);
            assertThat(ids(repo, query("epochs>=10", "best:loss", false, 0, 10, Optional.empty())))
                    .as("a metric sort joined with a filter")
                    .containsExactly(r.c(), r.e(), r.b(), r.d());
        }
    }

    @StoreTest
    void groupsComeInTheOrderOfTheirValuesWithTheSortInsideAndTheirCounts(TestDatabase db) {
        try (Database database = db.open()) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            Runs r = store(jdbc);
            ExperimentRepository repo = new ExperimentRepository(jdbc);
            Optional<String> byRate = Optional.of("learningRate");

            // 0.001, then 0.01 (a, c: best loss first), then 0.1, then the run without a learning rate.
            RunQuery grouped = query("", "best:loss", false, 0, 10, byRate);
            assertThat(ids(repo, grouped)).containsExactly(r.e(), r.a(), r.c(), r.b(), r.d());
            assertThat(ids(repo, query("", "best:loss", true, 0, 10, byRate)))
                    .as("groups keep their order when the sort turns")
                    .containsExactly(r.e(), r.c(), r.a(), r.b(), r.d());
            assertThat(ids(repo, query("", "id", false, 1, 2, byRate)))
                    .as("pages cut through groups")
                    .containsExactly(r.a(), r.c());

            Map<Long, String> values = repo.paramValues("learningRate", List.of(r.a(), r.c(), r.d(), r.e()));
            assertThat(values).containsEntry(r.a(), "0.01").containsEntry(r.c(), "0.01");
            assertThat(values).containsEntry(r.e(), "0.001").doesNotContainKey(r.d());

            List<RunGroupCount> counts = repo.groupCounts(grouped, List.of("0.01", "0.1"), true);
            assertThat(counts)
                    .extracting(c -> c.value().orElse("-") + " " + c.runs() + " "
                            + c.best().orElse(-1.0))
                    .containsExactlyInAnyOrder("0.01 2 0.2", "0.1 1 0.9", "- 1 -1.0");
            assertThat(repo.groupCounts(query("epochs>9", "id", false, 0, 10, byRate), List.of("0.01"), false))
                    .as("counts over the filtered runs, no metric to show")
                    .extracting(c -> c.runs() + " " + c.best().isPresent())
                    .containsExactly("1 false");

            // The headings of the table's second page of two rows: 0.01 continues, 0.1 starts.
            var heads = RunGroups.heads(
                    repo,
                    query("", "best:loss", false, 2, 2, byRate),
                    List.of(repo.find(r.c()).orElseThrow(), repo.find(r.b()).orElseThrow()));
            assertThat(heads.get(r.c()).continued()).isTrue();
            assertThat(heads.get(r.c()).title()).isEqualTo("learningRate = 0.01");
            assertThat(heads.get(r.c()).runs()).isEqualTo(2);
            assertThat(heads.get(r.c()).best()).isEqualTo("best loss 0.2");
            assertThat(heads.get(r.b()).continued()).isFalse();
            assertThat(heads.get(r.b()).runs()).isEqualTo(1);
            assertThat(heads).hasSize(2);
        }
    }

    @StoreTest
    void runsStoredBeforeTheParameterRowsGetThemFromTheMigration(TestDatabase db) throws Exception {
        String url = db.jdbcUrl();
        String user = db.isPostgres() ? null : "sa";
        String password = db.isPostgres() ? null : "";
        Flyway.configure()
                .dataSource(url, user, password)
                .locations(
                        "classpath:db/migration",
                        db.isPostgres() ? "classpath:db/vendor/postgresql" : "classpath:db/vendor/h2")
                .target("19")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, user, password);
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO experiments (name, plugin_id, plugin_version, dataset_id, params_json, device, "
                                + "seed, status, created_at) VALUES ('old', 'mlp', '1', 'xor', ?, 'cpu', 1, "
                                + "'SUCCEEDED', ?)")) {
            ps.setString(1, "{\"learningRate\":0.3,\"epochs\":40,\"optimizer\":\"sgd\",\"layers\":[2,2]}");
            ps.setObject(2, OffsetDateTime.now());
            ps.executeUpdate();
            ps.setString(1, "not json");
            ps.executeUpdate();
        }
        try (Database database = Database.open(url)) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            ExperimentRepository repo = new ExperimentRepository(jdbc);
            assertThat(repo.count(where("epochs>30, learningRate=0.3, optimizer=sgd")))
                    .isEqualTo(1);
            assertThat(jdbc.queryOne("SELECT COUNT(*) FROM run_params", rs -> rs.getLong(1)))
                    .as("lists are not indexed, broken JSON is skipped")
                    .contains(3L);
        }
    }
}
