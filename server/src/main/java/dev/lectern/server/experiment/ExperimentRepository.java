package dev.lectern.server.experiment;

import dev.lectern.server.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Stores experiment rows. Status changes are conditional updates, so a late writer cannot undo a final state. */
public final class ExperimentRepository {

    private static final String COLUMNS = "id, name, plugin_id, plugin_version, dataset_id, params_json, device, seed, "
            + "status, error, progress_done, progress_total, summary_json, created_at, started_at, finished_at";

    private final Jdbc jdbc;

    /**
     * Creates the repository.
     *
     * @param jdbc the JDBC helper
     */
    public ExperimentRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new QUEUED experiment and returns its id. */
    public long insert(String name, String pluginId, String pluginVersion, String datasetId, String paramsJson,
            String device, long seed) {
        return jdbc.insert("INSERT INTO experiments (name, plugin_id, plugin_version, dataset_id, params_json, device, seed, "
                + "status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                name, pluginId, pluginVersion, datasetId, paramsJson, device, seed, ExperimentStatus.QUEUED.name(), now());
    }

    /** Finds one experiment. */
    public Optional<Experiment> find(long id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM experiments WHERE id = ?", ExperimentRepository::map, id);
    }

    /** Returns one page of experiments, newest first. */
    public List<Experiment> page(Optional<String> pluginId, int offset, int limit) {
        if (pluginId.isPresent()) {
            return jdbc.query("SELECT " + COLUMNS + " FROM experiments WHERE plugin_id = ? ORDER BY created_at DESC, id DESC "
                    + "OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", ExperimentRepository::map, pluginId.get(), offset, limit);
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM experiments ORDER BY created_at DESC, id DESC "
                + "OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", ExperimentRepository::map, offset, limit);
    }

    /** Counts experiments. */
    public long count(Optional<String> pluginId) {
        return pluginId.isPresent()
                ? jdbc.queryOne("SELECT COUNT(*) FROM experiments WHERE plugin_id = ?", rs -> rs.getLong(1), pluginId.get()).orElse(0L)
                : jdbc.queryOne("SELECT COUNT(*) FROM experiments", rs -> rs.getLong(1)).orElse(0L);
    }

    /** Returns the ids of experiments in a status, oldest first. */
    public List<Long> idsWithStatus(ExperimentStatus status) {
        return jdbc.query("SELECT id FROM experiments WHERE status = ? ORDER BY id", rs -> rs.getLong(1), status.name());
    }

    /** Moves QUEUED to RUNNING; returns false if the experiment was no longer queued (cancelled meanwhile). */
    public boolean markRunning(long id) {
        return jdbc.update("UPDATE experiments SET status = ?, started_at = ? WHERE id = ? AND status = ?",
                ExperimentStatus.RUNNING.name(), now(), id, ExperimentStatus.QUEUED.name()) == 1;
    }

    /** Ends an active experiment; returns false if it had already ended. */
    public boolean finish(long id, ExperimentStatus status, String error, String summaryJson) {
        return jdbc.update("UPDATE experiments SET status = ?, error = ?, summary_json = ?, finished_at = ? "
                + "WHERE id = ? AND status IN ('QUEUED', 'RUNNING')",
                status.name(), abbreviate(error), summaryJson, now(), id) == 1;
    }

    /** Marks every experiment a crash left RUNNING as INTERRUPTED and returns how many there were. */
    public int interruptRunning() {
        return jdbc.update("UPDATE experiments SET status = ?, error = ?, finished_at = ? WHERE status = ?",
                ExperimentStatus.INTERRUPTED.name(), "the server stopped while this experiment was running", now(),
                ExperimentStatus.RUNNING.name());
    }

    /** Records progress. */
    public void updateProgress(long id, long done, long total) {
        jdbc.update("UPDATE experiments SET progress_done = ?, progress_total = ? WHERE id = ?", done, total, id);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
    }

    private static Experiment map(ResultSet rs) throws SQLException {
        return new Experiment(rs.getLong("id"), rs.getString("name"), rs.getString("plugin_id"),
                rs.getString("plugin_version"), rs.getString("dataset_id"), rs.getString("params_json"),
                rs.getString("device"), rs.getLong("seed"), ExperimentStatus.valueOf(rs.getString("status")),
                Optional.ofNullable(rs.getString("error")), rs.getLong("progress_done"), rs.getLong("progress_total"),
                Optional.ofNullable(rs.getString("summary_json")), instant(rs, "created_at"),
                Optional.ofNullable(instant(rs, "started_at")), Optional.ofNullable(instant(rs, "finished_at")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

}
