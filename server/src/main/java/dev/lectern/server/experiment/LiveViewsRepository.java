package dev.lectern.server.experiment;

import dev.lectern.server.store.Jdbc;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Keeps the newest lesson pictures of each training run, in table {@code live_views}: one row per run. */
public final class LiveViewsRepository {

    /** The longest pictures' JSON kept (the column's width); a plugin's live pictures are far smaller. */
    static final int MAX_CHARS = 1_000_000;

    /**
     * The pictures of a run after some optimizer steps.
     *
     * @param updates the optimizer steps the model had taken
     * @param viewsJson the views, as the run's JSON writes views
     */
    public record Snapshot(long updates, String viewsJson) {}

    private final Jdbc jdbc;

    /**
     * Creates the repository.
     *
     * @param jdbc the JDBC helper
     */
    public LiveViewsRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Replaces a run's pictures. Only the node that trains the run writes its row, one call at a time, so an update
     * that finds no row can insert it.
     *
     * @return false when the JSON is longer than {@link #MAX_CHARS} and was not kept
     */
    public boolean save(long experimentId, long updates, String viewsJson) {
        if (viewsJson.length() > MAX_CHARS) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int changed = jdbc.update(
                "UPDATE live_views SET updates = ?, views_json = ?, updated_at = ? WHERE experiment_id = ?",
                updates,
                viewsJson,
                now,
                experimentId);
        if (changed == 0) {
            jdbc.update(
                    "INSERT INTO live_views (experiment_id, updates, views_json, updated_at) VALUES (?, ?, ?, ?)",
                    experimentId,
                    updates,
                    viewsJson,
                    now);
        }
        return true;
    }

    /** A run's newest pictures, if it drew any since it started training. */
    public Optional<Snapshot> find(long experimentId) {
        return jdbc.queryOne(
                "SELECT updates, views_json FROM live_views WHERE experiment_id = ?",
                rs -> new Snapshot(rs.getLong(1), rs.getString(2)),
                experimentId);
    }

    /** Forgets a run's pictures: it ended, and its model's views take over. */
    public void delete(long experimentId) {
        jdbc.update("DELETE FROM live_views WHERE experiment_id = ?", experimentId);
    }
}
