package dev.lectern.server.experiment;

import dev.lectern.server.store.Jdbc;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Stores the events of runs ({@link RunEvent}), in table {@code run_events}. */
public final class RunEventsRepository {

    private final Jdbc jdbc;

    /**
     * Creates the repository.
     *
     * @param jdbc the JDBC helper
     */
    public RunEventsRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends one event of a run. */
    public void insert(long experimentId, RunEvent e) {
        jdbc.update(
                "INSERT INTO run_events (experiment_id, step, kind, name, from_value, to_value, amount, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                experimentId,
                e.step(),
                e.kind(),
                e.name(),
                e.from(),
                e.to(),
                e.n(),
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** A run's events in the order they happened. */
    public List<RunEvent> list(long experimentId) {
        return jdbc.query(
                "SELECT step, kind, name, from_value, to_value, amount FROM run_events WHERE experiment_id = ? "
                        + "ORDER BY seq",
                rs -> new RunEvent(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        (Double) rs.getObject(4, Double.class),
                        (Double) rs.getObject(5, Double.class),
                        (Long) rs.getObject(6, Long.class)),
                experimentId);
    }
}
