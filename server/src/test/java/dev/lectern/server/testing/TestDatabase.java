package dev.lectern.server.testing;

import dev.lectern.server.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;

/**
 * A fresh, empty store for one test: an H2 file in a temporary directory, or a schema of its own in a PostgreSQL
 * database made for the test class (and dropped after it) on the server that {@code -Dlectern.test.postgres} names,
 * as a JDBC URL of a database to connect to first, such as
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}. The build sets the property from
 * {@code LECTERN_TEST_POSTGRES}, which {@code .ci/run} exports with a throw-away server.
 *
 * <p>Without the property the PostgreSQL cases are skipped with a warning, or fail when
 * {@code -Dlectern.test.requirePostgres=true} ({@code LECTERN_TEST_REQUIRE_POSTGRES}, set by {@code .ci/run}).
 *
 * <p>Test databases use a linguistic (ICU {@code en-US}) collation where the server has ICU, as a PostgreSQL made
 * with {@code createdb} on a desktop would, so that text ordering left to the database's collation shows up as a
 * difference from H2.
 */
public final class TestDatabase {

    /** The property naming the PostgreSQL server. */
    public static final String POSTGRES_PROPERTY = "lectern.test.postgres";
    /** The property that turns a missing server into failures. */
    public static final String REQUIRE_PROPERTY = "lectern.test.requirePostgres";

    /** The databases a store test runs on. */
    public enum Kind {
        /** An H2 file database, the server's default. */
        H2("H2"),
        /** PostgreSQL, for a shared server. */
        POSTGRESQL("PostgreSQL");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static final AtomicBoolean WARNED = new AtomicBoolean();
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestDatabase.class);

    private final Kind kind;
    private final ExtensionContext context;
    private String jdbcUrl;

    private TestDatabase(Kind kind, ExtensionContext context) {
        this.kind = kind;
        this.context = context;
    }

    /** Returns which database this is. */
    public Kind kind() {
        return kind;
    }

    /** Returns whether this is PostgreSQL. */
    public boolean isPostgres() {
        return kind == Kind.POSTGRESQL;
    }

    /** Returns the fresh store's URL, as {@code --jdbc-url} takes it; the store is made on the first call. */
    public synchronized String jdbcUrl() {
        if (jdbcUrl == null) {
            jdbcUrl = kind == Kind.H2 ? h2Url() : postgresUrl();
        }
        return jdbcUrl;
    }

    /** Opens the store through the server's own {@link Database#open} (migrated); may be called again to reopen it. */
    public Database open() {
        return Database.open(jdbcUrl());
    }

    /**
     * Returns a FROM item of the integers 1 to the bound parameter as column {@code x}: H2's {@code SYSTEM_RANGE} or
     * PostgreSQL's {@code generate_series}, for tests that make many rows in SQL.
     */
    public String numbersUpToParameter() {
        return isPostgres() ? "generate_series(1, CAST(? AS INTEGER)) AS numbers (x)" : "SYSTEM_RANGE(1, ?)";
    }

    @Override
    public String toString() {
        return kind.toString();
    }

    private String h2Url() {
        try {
            Path dir = Files.createTempDirectory("lectern-h2-test");
            context.getStore(NAMESPACE)
                    .put(dir.toString(), (ExtensionContext.Store.CloseableResource) () -> deleteTree(dir));
            return "jdbc:h2:file:" + dir.resolve("lectern");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String postgresUrl() {
        String server = System.getProperty(POSTGRES_PROPERTY, "").strip();
        if (server.isEmpty()) {
            String message = "PostgreSQL store tests need a server: pass -D" + POSTGRES_PROPERTY
                    + "=jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres (or export LECTERN_TEST_POSTGRES); "
                    + ".ci/run starts one";
            if (Boolean.getBoolean(REQUIRE_PROPERTY)) {
                Assertions.fail(message + " (" + REQUIRE_PROPERTY + " is set, so they fail rather than skip)");
            }
            if (WARNED.compareAndSet(false, true)) {
                System.err.println("WARNING: SKIPPING every PostgreSQL case. " + message);
            }
            Assumptions.abort("no PostgreSQL server: " + message);
        }
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent()
                && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        ClassDatabase database = classContext
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent("database", k -> new ClassDatabase(server), ClassDatabase.class);
        return database.newSchema();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** One PostgreSQL database per test class, one schema in it per test; dropped when the class is done. */
    private static final class ClassDatabase implements ExtensionContext.Store.CloseableResource {
        private final String server;
        private final String name;
        private final AtomicInteger schemas = new AtomicInteger();

        ClassDatabase(String server) {
            this.server = server;
            this.name =
                    "lectern_test_" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
            try (Connection c = DriverManager.getConnection(server);
                    Statement s = c.createStatement()) {
                try {
                    s.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu "
                            + "ICU_LOCALE 'en-US'");
                } catch (SQLException noIcu) {
                    s.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
                }
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "cannot create a test database on " + server + ": " + e.getMessage(), e);
            }
        }

        /** Makes a new schema and returns a URL whose connections use it. */
        String newSchema() {
            String schema = "test_" + schemas.incrementAndGet();
            try (Connection c = DriverManager.getConnection(url(name));
                    Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create schema " + schema + " in " + name, e);
            }
            String url = url(name);
            return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        /** The server's URL with another database in it. */
        private String url(String database) {
            int hosts = server.indexOf("//");
            int path = server.indexOf('/', hosts + 2);
            int query = server.indexOf('?');
            if (hosts < 0 || path < 0) {
                throw new IllegalStateException(
                        POSTGRES_PROPERTY + " must look like jdbc:postgresql://host:port/db?user=...: " + server);
            }
            return server.substring(0, path + 1) + database + (query < 0 ? "" : server.substring(query));
        }

        @Override
        public void close() throws SQLException {
            try (Connection c = DriverManager.getConnection(server);
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    /** The argument source of {@link StoreTest}: H2, then PostgreSQL. */
    public static final class Both implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
            return Stream.of(Kind.values()).map(kind -> Arguments.of(new TestDatabase(kind, context)));
        }
    }

    /**
     * For tests of the whole server on PostgreSQL: with {@code @ExtendWith(TestDatabase.OnPostgres.class)}, a
     * {@code TestDatabase} parameter (of a {@code @BeforeAll} method, say) is a fresh PostgreSQL store, dropped after
     * the class.
     */
    public static final class OnPostgres implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestDatabase.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return new TestDatabase(Kind.POSTGRESQL, context);
        }
    }
}
