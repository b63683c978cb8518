package dev.lectern.server.worker;

import dev.lectern.server.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code workers} table: each training node's row, written when it starts and on every heartbeat. Times are the
 * database's own ({@code CURRENT_TIMESTAMP}), so nodes whose clocks disagree still judge each other alike.
 */
public final class WorkerRegistry {

    private static final String COLUMNS =
            "name, host, devices, plugins, concurrency, started_at, last_seen, stopped_at";

    private final Jdbc jdbc;

    /**
     * Creates the registry.
     *
     * @param jdbc the shared store
     */
    public WorkerRegistry(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes a node's row as it starts (a restarted node takes its old row over). */
    public void register(String name, String host, List<String> devices, List<String> plugins, int concurrency) {
        String d = String.join(",", devices);
        String p = String.join(",", plugins);
        int updated = jdbc.update(
                "UPDATE workers SET host = ?, devices = ?, plugins = ?, concurrency = ?, "
                        + "started_at = CURRENT_TIMESTAMP, last_seen = CURRENT_TIMESTAMP, stopped_at = NULL WHERE name = ?",
                host,
                d,
                p,
                concurrency,
                name);
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO workers (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP, "
                            + "CURRENT_TIMESTAMP, NULL)",
                    name,
                    host,
                    d,
                    p,
                    concurrency);
        }
    }

    /** Records that a node is alive. */
    public void heartbeat(String name) {
        jdbc.update("UPDATE workers SET last_seen = CURRENT_TIMESTAMP WHERE name = ?", name);
    }

    /** Records that a node stopped cleanly. */
    public void stopped(String name) {
        jdbc.update(
                "UPDATE workers SET stopped_at = CURRENT_TIMESTAMP, last_seen = CURRENT_TIMESTAMP WHERE name = ?",
                name);
    }

    /** Every node ever registered, by name. */
    public List<WorkerInfo> all() {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM workers ORDER BY " + jdbc.byCodePoint("name"), WorkerRegistry::map);
    }

    /** One node. */
    public Optional<WorkerInfo> find(String name) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM workers WHERE name = ?", WorkerRegistry::map, name);
    }

    /** The database's clock now. */
    public Instant now() {
        return jdbc.queryOne("SELECT CURRENT_TIMESTAMP", rs -> rs.getObject(1, OffsetDateTime.class))
                .map(OffsetDateTime::toInstant)
                .orElseGet(Instant::now);
    }

    private static WorkerInfo map(ResultSet rs) throws SQLException {
        return new WorkerInfo(
                rs.getString("name"),
                rs.getString("host"),
                list(rs.getString("devices")),
                list(rs.getString("plugins")),
                rs.getInt("concurrency"),
                instant(rs, "started_at"),
                instant(rs, "last_seen"),
                Optional.ofNullable(instant(rs, "stopped_at")));
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
