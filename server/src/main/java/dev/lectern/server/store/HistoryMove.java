package dev.lectern.server.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Copies a whole history, row for row with its ids, from one store into an empty one of the same schema version: how
 * a teacher who outgrows the embedded H2 file moves every run, metric, upload, account and lesson to PostgreSQL.
 * Artifacts and uploaded files stay where they are, under the data directory; their checksums come along in
 * {@code artifacts} and {@code uploaded_datasets}.
 */
public final class HistoryMove {

    /** Every table of the schema, parents before the tables that refer to them. */
    static final List<String> TABLES = List.of(
            "sweeps",
            "experiments",
            "run_params",
            "metrics",
            "metric_summaries",
            "metric_rollups",
            "metric_texts",
            "artifacts",
            "uploaded_datasets",
            "uploaded_dataset_columns",
            "users",
            "sessions",
            "lessons",
            "lesson_runs",
            "run_events");

    /**
     * Tables of a running cluster, not of history: nodes, the queue, and the newest live pictures of runs in training
     * (a move happens with the server stopped, when no run trains and its pictures are in its saved views).
     */
    static final List<String> NOT_COPIED = List.of("workers", "scheduled_tasks", "live_views");

    private static final int BATCH = 5_000;

    private HistoryMove() {}

    /**
     * Copies every table.
     *
     * @param from the store to read (left unchanged)
     * @param to an empty store, migrated to the same version
     * @return rows copied per table
     * @throws SQLException when a table cannot be read or written
     * @throws IllegalStateException when the target already holds runs, or a table is not known here
     */
    public static Map<String, Long> copy(DataSource from, DataSource to) throws SQLException {
        Map<String, Long> copied = new LinkedHashMap<>();
        try (Connection source = from.getConnection();
                Connection target = to.getConnection()) {
            Set<String> unknown = new TreeSet<>(tables(source));
            unknown.removeAll(TABLES);
            unknown.remove("flyway_schema_history");
            // Not history: the target's own nodes register themselves, and its QUEUED runs are queued again when the
            // first node starts on it.
            unknown.removeAll(NOT_COPIED);
            if (!unknown.isEmpty()) {
                throw new IllegalStateException(
                        "tables this copy does not know yet: " + unknown + " (add them to HistoryMove)");
            }
            try (Statement s = target.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM experiments")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new IllegalStateException(
                            "the target already holds " + rs.getLong(1) + " runs; move into an empty database");
                }
            }
            target.setAutoCommit(false);
            for (String table : TABLES) {
                copied.put(table, copyTable(source, target, table));
            }
            restartIdentities(target);
            target.commit();
        }
        return copied;
    }

    private static long copyTable(Connection source, Connection target, String table) throws SQLException {
        long rows = 0;
        try (Statement read = source.createStatement();
                ResultSet rs = read.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
            try (PreparedStatement write = target.prepareStatement(sql)) {
                while (rs.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        Object value = rs.getObject(i);
                        if (value instanceof java.sql.Blob blob) {
                            // H2 hands bytes out as a Blob, which PostgreSQL's bytea does not take.
                            write.setBytes(i, blob.getBytes(1, (int) blob.length()));
                        } else {
                            write.setObject(i, value);
                        }
                    }
                    write.addBatch();
                    if (++rows % BATCH == 0) {
                        write.executeBatch();
                    }
                }
                write.executeBatch();
            }
        }
        return rows;
    }

    /** The next id of every identity column follows the copied rows (ids were copied as they were). */
    private static void restartIdentities(Connection target) throws SQLException {
        boolean postgres = target.getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("postgres");
        Map<String, String> identities = Map.of(
                "experiments", "id", "sweeps", "id", "lessons", "id", "metric_texts", "seq", "run_events", "seq");
        for (Map.Entry<String, String> e : identities.entrySet()) {
            long next;
            try (Statement s = target.createStatement();
                    ResultSet rs =
                            s.executeQuery("SELECT COALESCE(MAX(" + e.getValue() + "), 0) + 1 FROM " + e.getKey())) {
                rs.next();
                next = rs.getLong(1);
            }
            try (Statement s = target.createStatement()) {
                s.execute(
                        postgres
                                ? "SELECT setval(pg_get_serial_sequence('" + e.getKey() + "', '" + e.getValue() + "'), "
                                        + next + ", false)"
                                : "ALTER TABLE " + e.getKey() + " ALTER COLUMN " + e.getValue() + " RESTART WITH "
                                        + next);
            }
        }
    }

    private static Set<String> tables(Connection connection) throws SQLException {
        Set<String> names = new TreeSet<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
