package dev.lectern.server.testing;

import dev.lectern.server.store.Jdbc;
import java.time.OffsetDateTime;

/** Experiment rows written straight into a test database, for repository tests that need a run to hang rows on. */
public final class StoredRuns {

    private StoredRuns() {}

    /**
     * Inserts a minimal experiment row.
     *
     * @param jdbc the test database
     * @param status its status, such as {@code RUNNING}
     * @return the new experiment's id
     */
    public static long insert(Jdbc jdbc, String status) {
        return jdbc.insert(
                "INSERT INTO experiments (name, plugin_id, plugin_version, dataset_id, params_json, device, "
                        + "seed, status, created_at) VALUES ('r', 'p', '1', 'd', '{}', 'cpu', 1, ?, ?)",
                status,
                OffsetDateTime.now());
    }
}
