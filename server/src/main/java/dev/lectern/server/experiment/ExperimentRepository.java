package dev.lectern.server.experiment;

import dev.lectern.server.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Stores experiment rows. Status changes are conditional updates, so a late writer cannot undo a final state. */
public final class ExperimentRepository {

    private static final String COLUMNS = "id, name, plugin_id, plugin_version, dataset_id, params_json, device, seed, "
            + "status, error, progress_done, progress_total, summary_json, created_at, started_at, finished_at, tags, notes, "
            + "steps_per_epoch, owner, worker, parent_id";

    private final Jdbc jdbc;

    /**
     * Creates the repository.
     *
     * @param jdbc the JDBC helper
     */
    public ExperimentRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts a new QUEUED experiment and returns its id. A run of a sweep is tagged {@code sweep-N} at once, so the
     * runs table can filter a sweep's runs by tag before any of them starts.
     */
    public long insert(
            String name,
            String pluginId,
            String pluginVersion,
            String datasetId,
            String paramsJson,
            String device,
            long seed,
            Long sweepId,
            String owner) {
        return insert(name, pluginId, pluginVersion, datasetId, paramsJson, device, seed, sweepId, owner, null);
    }

    /** Inserts a new QUEUED experiment, branched from another run when {@code parentId} is not null. */
    public long insert(
            String name,
            String pluginId,
            String pluginVersion,
            String datasetId,
            String paramsJson,
            String device,
            long seed,
            Long sweepId,
            String owner,
            Long parentId) {
        long id = jdbc.insert(
                "INSERT INTO experiments (name, plugin_id, plugin_version, dataset_id, params_json, device, seed, "
                        + "status, created_at, sweep_id, tags, owner, parent_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                name,
                pluginId,
                pluginVersion,
                datasetId,
                paramsJson,
                device,
                seed,
                ExperimentStatus.QUEUED.name(),
                now(),
                sweepId,
                sweepId == null ? "" : storedTags(List.of("sweep-" + sweepId)),
                owner,
                parentId);
        // The parameters as rows, for the runs table's hp filter and grouping (see RunParamIndex).
        jdbc.batch(RunParamIndex.INSERT, RunParamIndex.rows(id, paramsJson));
        return id;
    }

    /**
     * The owner of a run.
     *
     * @param id the run
     * @return empty when there is no such run; else its owner, empty for a run made without accounts
     */
    public Optional<Optional<String>> owner(long id) {
        return jdbc.queryOne(
                "SELECT owner FROM experiments WHERE id = ?", rs -> Optional.ofNullable(rs.getString(1)), id);
    }

    /** Counts the runs of one owner in a status. */
    public long countWithStatus(ExperimentStatus status, String owner) {
        return jdbc.queryOne(
                        "SELECT COUNT(*) FROM experiments WHERE status = ? AND owner = ?",
                        rs -> rs.getLong(1),
                        status.name(),
                        owner)
                .orElse(0L);
    }

    /** Returns the ids of a sweep's experiments, in creation order. */
    public List<Long> idsInSweep(long sweepId) {
        return jdbc.query("SELECT id FROM experiments WHERE sweep_id = ? ORDER BY id", rs -> rs.getLong(1), sweepId);
    }

    /** Finds one experiment. */
    public Optional<Experiment> find(long id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM experiments WHERE id = ?", ExperimentRepository::map, id);
    }

    /** Returns one page of experiments, newest first. */
    public List<Experiment> page(Optional<String> pluginId, int offset, int limit) {
        if (pluginId.isPresent()) {
            return jdbc.query(
                    "SELECT " + COLUMNS + " FROM experiments WHERE plugin_id = ? ORDER BY created_at DESC, id DESC "
                            + "OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                    ExperimentRepository::map,
                    pluginId.get(),
                    offset,
                    limit);
        }
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM experiments ORDER BY created_at DESC, id DESC "
                        + "OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                ExperimentRepository::map,
                offset,
                limit);
    }

    /** Returns one page of the runs table. */
    public List<Experiment> search(RunQuery query) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ");
        sql.append(java.util.Arrays.stream(COLUMNS.split(", "))
                .map(c -> "e." + c)
                .collect(java.util.stream.Collectors.joining(", ")));
        sql.append(" FROM experiments e");
        Optional<String> metric = RunQuery.metric(query.sort());
        if (metric.isPresent()) {
            sql.append(" LEFT JOIN metric_summaries s ON s.experiment_id = e.id AND s.name = ?");
            args.add(metric.get());
        }
        if (query.group().isPresent()) {
            sql.append(" LEFT JOIN run_params g ON g.experiment_id = e.id AND g.name = ?");
            args.add(query.group().get());
        }
        sql.append(where(query, args));
        String direction = query.descending() ? " DESC" : " ASC";
        sql.append(" ORDER BY ");
        if (query.group().isPresent()) {
            // Groups in the order of their values (numbers, then text by code point, then runs without the
            // parameter), the chosen sort within each, so pages cut through groups and never mix them.
            sql.append("g.number_value ASC NULLS LAST, ")
                    .append(jdbc.byCodePoint("g.text_value"))
                    .append(" ASC NULLS LAST, ");
        }
        sql.append(order(query.sort(), metric, jdbc))
                .append(direction)
                .append(" NULLS LAST, e.id")
                .append(direction);
        sql.append(" OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        args.add(query.offset());
        args.add(query.limit());
        return jdbc.query(sql.toString(), ExperimentRepository::map, args.toArray());
    }

    /** Counts the runs a query's filters match. */
    public long count(RunQuery query) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT COUNT(*) FROM experiments e" + where(query, args);
        return jdbc.queryOne(sql, rs -> rs.getLong(1), args.toArray()).orElse(0L);
    }

    private static String where(RunQuery query, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        query.owner().ifPresent(o -> {
            conditions.add("e.owner = ?");
            args.add(o);
        });
        query.plugin().ifPresent(p -> {
            conditions.add("e.plugin_id = ?");
            args.add(p);
        });
        query.dataset().ifPresent(d -> {
            conditions.add("e.dataset_id = ?");
            args.add(d);
        });
        query.status().ifPresent(s -> {
            conditions.add("e.status = ?");
            args.add(s.name());
        });
        query.tag().ifPresent(t -> {
            conditions.add("e.tags LIKE ? ESCAPE '\\'");
            args.add("%," + likeEscaped(t) + ",%");
        });
        query.text().ifPresent(t -> {
            conditions.add("(LOWER(e.name) LIKE ? ESCAPE '\\' OR LOWER(e.notes) LIKE ? ESCAPE '\\')");
            String pattern = "%" + likeEscaped(t.toLowerCase(java.util.Locale.ROOT)) + "%";
            args.add(pattern);
            args.add(pattern);
        });
        for (ParamCondition c : query.params()) {
            conditions.add(paramCondition(c, args));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /**
     * One {@code hp} condition as SQL. Ordering compares {@code number_value} (numbers as numbers); {@code =} with a
     * number matches that number however it was written, or the same text of a text parameter; {@code !=} holds for
     * runs that have the parameter with another value.
     */
    private static String paramCondition(ParamCondition c, List<Object> args) {
        args.add(c.name());
        String test;
        switch (c.op()) {
            case EQ, NE -> {
                if (c.number().isPresent()) {
                    // Never NULL, so that NOT keeps the runs of other values.
                    test = "((p.number_value IS NOT NULL AND p.number_value = ?)"
                            + " OR (p.number_value IS NULL AND p.text_value = ?))";
                    args.add(c.number().get());
                } else {
                    test = "p.text_value = ?";
                }
                args.add(c.value());
            }
            default -> {
                test = "p.number_value " + c.op().symbol() + " ?";
                args.add(c.number().orElseThrow());
            }
        }
        if (c.op() == ParamCondition.Op.NE) {
            test = "NOT (" + test + ")";
        }
        return "EXISTS (SELECT 1 FROM run_params p WHERE p.experiment_id = e.id AND p.name = ? AND " + test + ")";
    }

    /**
     * How many runs of each group a query's filters match, and the best value of the metric the query sorts by, for
     * the groups that start or continue on a page.
     *
     * @param query the filters, sort and group
     * @param values the groups' {@code text_value}s (at most a page's worth)
     * @param withoutParam whether to count the group of runs that lack the parameter too
     * @return one entry per group found, its value empty for the runs without the parameter
     */
    public List<RunGroupCount> groupCounts(RunQuery query, java.util.Collection<String> values, boolean withoutParam) {
        if (query.group().isEmpty() || (values.isEmpty() && !withoutParam)) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        Optional<String> metric = RunQuery.metric(query.sort());
        String best = "CAST(NULL AS DOUBLE PRECISION)";
        StringBuilder sql = new StringBuilder();
        if (metric.isPresent()) {
            boolean higher = dev.lectern.server.metrics.MetricSummary.higherIsBetter(metric.get());
            String column = query.sort().startsWith("last:") ? "s.last_value" : higher ? "s.max_value" : "s.min_value";
            best = (higher ? "MAX(" : "MIN(") + column + ")";
        }
        sql.append("SELECT g.text_value, COUNT(*), ").append(best).append(" FROM experiments e");
        if (metric.isPresent()) {
            sql.append(" LEFT JOIN metric_summaries s ON s.experiment_id = e.id AND s.name = ?");
            args.add(metric.get());
        }
        sql.append(" LEFT JOIN run_params g ON g.experiment_id = e.id AND g.name = ?");
        args.add(query.group().get());
        String where = where(query, args);
        List<String> which = new ArrayList<>();
        if (!values.isEmpty()) {
            which.add("g.text_value IN (" + String.join(", ", java.util.Collections.nCopies(values.size(), "?")) + ")");
            args.addAll(values);
        }
        if (withoutParam) {
            which.add("g.text_value IS NULL");
        }
        sql.append(where)
                .append(where.isEmpty() ? " WHERE (" : " AND (")
                .append(String.join(" OR ", which))
                .append(") GROUP BY g.text_value");
        return jdbc.query(
                sql.toString(),
                rs -> new RunGroupCount(
                        Optional.ofNullable(rs.getString(1)),
                        rs.getLong(2),
                        Optional.ofNullable(rs.getObject(3, Double.class))),
                args.toArray());
    }

    /**
     * The values of the grouping parameter of some runs.
     *
     * @param name the parameter
     * @param ids the runs
     * @return run id to its {@code text_value}; runs without the parameter are absent
     */
    public java.util.Map<Long, String> paramValues(String name, java.util.Collection<Long> ids) {
        java.util.Map<Long, String> values = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return values;
        }
        List<Object> args = new ArrayList<>();
        args.add(name);
        args.addAll(ids);
        jdbc.query(
                "SELECT experiment_id, text_value FROM run_params WHERE name = ? AND experiment_id IN ("
                        + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")",
                rs -> values.put(rs.getLong(1), rs.getString(2)),
                args.toArray());
        return values;
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String order(String sort, Optional<String> metric, Jdbc jdbc) {
        if (metric.isPresent()) {
            if (sort.startsWith("last:")) {
                return "s.last_value";
            }
            return dev.lectern.server.metrics.MetricSummary.higherIsBetter(metric.get())
                    ? "s.max_value"
                    : "s.min_value";
        }
        return switch (sort) {
            // Text in the same order on H2 and PostgreSQL (see Jdbc.byCodePoint).
            case "name" -> jdbc.byCodePoint("LOWER(e.name)");
            case "plugin" -> jdbc.byCodePoint("e.plugin_id");
            case "dataset" -> jdbc.byCodePoint("e.dataset_id");
            case "status" -> jdbc.byCodePoint("e.status");
            case "started" -> "e.started_at";
            case "duration" -> "(COALESCE(e.finished_at, CURRENT_TIMESTAMP) - e.started_at)";
            default -> "e.id";
        };
    }

    /** Renames a run and replaces its tags and notes; returns false when it does not exist. */
    public boolean describe(long id, String name, List<String> tags, String notes) {
        return jdbc.update(
                        "UPDATE experiments SET name = ?, tags = ?, notes = ? WHERE id = ?",
                        name,
                        storedTags(tags),
                        notes,
                        id)
                == 1;
    }

    /** Deletes a run's row; its metrics, texts, summaries and artifact rows go with it (foreign keys cascade). */
    public boolean delete(long id) {
        return jdbc.update("DELETE FROM experiments WHERE id = ?", id) == 1;
    }

    /** Counts experiments. */
    public long count(Optional<String> pluginId) {
        return pluginId.isPresent()
                ? jdbc.queryOne(
                                "SELECT COUNT(*) FROM experiments WHERE plugin_id = ?",
                                rs -> rs.getLong(1),
                                pluginId.get())
                        .orElse(0L)
                : jdbc.queryOne("SELECT COUNT(*) FROM experiments", rs -> rs.getLong(1))
                        .orElse(0L);
    }

    /** Counts experiments in a status. */
    public long countWithStatus(ExperimentStatus status) {
        return jdbc.queryOne("SELECT COUNT(*) FROM experiments WHERE status = ?", rs -> rs.getLong(1), status.name())
                .orElse(0L);
    }

    /** Returns the ids of experiments in a status, oldest first. */
    public List<Long> idsWithStatus(ExperimentStatus status) {
        return jdbc.query(
                "SELECT id FROM experiments WHERE status = ? ORDER BY id", rs -> rs.getLong(1), status.name());
    }

    /** Moves QUEUED to RUNNING; returns false if the experiment was no longer queued (cancelled meanwhile). */
    public boolean markRunning(long id, String worker) {
        // The claim: of two nodes handed the same run (an engine reviving an execution it thinks dead), one wins, so a
        // run never trains twice behind the user's back; a run whose cancel was asked is not taken.
        return jdbc.update(
                        "UPDATE experiments SET status = ?, started_at = ?, worker = ? WHERE id = ? AND status = ? "
                                + "AND cancel_requested = FALSE",
                        ExperimentStatus.RUNNING.name(),
                        now(),
                        worker,
                        id,
                        ExperimentStatus.QUEUED.name())
                == 1;
    }

    /** Asks a run to stop; the node training it reads the flag (it may be on another machine). */
    public void requestCancel(long id) {
        jdbc.update("UPDATE experiments SET cancel_requested = TRUE WHERE id = ?", id);
    }

    /** Of the given runs, those whose cancel was asked. */
    public List<Long> cancelRequested(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        return jdbc.query(
                "SELECT id FROM experiments WHERE cancel_requested = TRUE AND id IN (" + marks + ")",
                rs -> rs.getLong(1),
                ids.toArray());
    }

    /** Whether a plugin has runs queued or training (its classes must stay as they are). */
    public boolean hasActiveRuns(String pluginId) {
        return jdbc.queryOne(
                                "SELECT COUNT(*) FROM experiments WHERE plugin_id = ? AND status IN ('QUEUED', 'RUNNING')",
                                rs -> rs.getLong(1),
                                pluginId)
                        .orElse(0L)
                > 0;
    }

    /** Every RUNNING run a node has taken (at most the nodes' concurrency in all), oldest first. */
    public List<Experiment> runningOnWorkers() {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM experiments WHERE status = ? AND worker IS NOT NULL ORDER BY id",
                ExperimentRepository::map,
                ExperimentStatus.RUNNING.name());
    }

    /**
     * RUNNING runs of nodes not heard from since a moment (their heartbeat stopped) or not registered at all.
     *
     * @param lastSeenBefore a node seen after this is alive
     * @param except this node's own name, never counted dead by itself
     * @return run id to worker name
     */
    public java.util.Map<Long, String> runningOnSilentWorkers(Instant lastSeenBefore, String except) {
        java.util.Map<Long, String> runs = new java.util.LinkedHashMap<>();
        jdbc.query(
                "SELECT e.id, e.worker FROM experiments e LEFT JOIN workers w ON w.name = e.worker "
                        + "WHERE e.status = ? AND e.worker IS NOT NULL AND e.worker <> ? "
                        + "AND (w.name IS NULL OR w.last_seen < ? OR w.stopped_at IS NOT NULL) ORDER BY e.id",
                rs -> runs.put(rs.getLong(1), rs.getString(2)),
                ExperimentStatus.RUNNING.name(),
                except,
                OffsetDateTime.ofInstant(lastSeenBefore, ZoneOffset.UTC));
        return runs;
    }

    /** Marks one RUNNING run INTERRUPTED with the reason; false when it was no longer running. */
    public boolean interrupt(long id, String reason) {
        return jdbc.update(
                        "UPDATE experiments SET status = ?, error = ?, finished_at = ? WHERE id = ? AND status = ?",
                        ExperimentStatus.INTERRUPTED.name(),
                        abbreviate(reason),
                        now(),
                        id,
                        ExperimentStatus.RUNNING.name())
                == 1;
    }

    /**
     * Records the device a run trains on, resolved when its training starts (the row's value until then is the
     * device the request resolved to when it was created).
     *
     * @param id the run
     * @param device the device's name, such as {@code cpu} or {@code gpu:0}
     */
    public void recordDevice(long id, String device) {
        jdbc.update("UPDATE experiments SET device = ? WHERE id = ?", device, id);
    }

    /** Ends an active experiment; returns false if it had already ended. */
    public boolean finish(long id, ExperimentStatus status, String error, String summaryJson) {
        return jdbc.update(
                        "UPDATE experiments SET status = ?, error = ?, summary_json = ?, finished_at = ? "
                                + "WHERE id = ? AND status IN ('QUEUED', 'RUNNING')",
                        status.name(),
                        abbreviate(error),
                        summaryJson,
                        now(),
                        id)
                == 1;
    }

    /**
     * Marks the runs a crash of this node left RUNNING as INTERRUPTED (and runs of no node, from before runs recorded
     * theirs) and returns how many there were; runs other nodes train go on. A null node means every RUNNING run
     * (the only node of an embedded store).
     */
    public int interruptRunning(String worker, String reason) {
        if (worker == null) {
            return jdbc.update(
                    "UPDATE experiments SET status = ?, error = ?, finished_at = ? WHERE status = ?",
                    ExperimentStatus.INTERRUPTED.name(),
                    reason,
                    now(),
                    ExperimentStatus.RUNNING.name());
        }
        return jdbc.update(
                "UPDATE experiments SET status = ?, error = ?, finished_at = ? WHERE status = ? "
                        + "AND (worker = ? OR worker IS NULL)",
                ExperimentStatus.INTERRUPTED.name(),
                reason,
                now(),
                ExperimentStatus.RUNNING.name(),
                worker);
    }

    /** Records progress. */
    public void updateProgress(long id, long done, long total) {
        jdbc.update("UPDATE experiments SET progress_done = ?, progress_total = ? WHERE id = ?", done, total, id);
    }

    /** Records how many optimizer steps make one epoch of a run, as its plugin declared. */
    public void updateStepsPerEpoch(long id, long steps) {
        jdbc.update("UPDATE experiments SET steps_per_epoch = ? WHERE id = ?", steps, id);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
    }

    private static Experiment map(ResultSet rs) throws SQLException {
        return new Experiment(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("plugin_id"),
                rs.getString("plugin_version"),
                rs.getString("dataset_id"),
                rs.getString("params_json"),
                rs.getString("device"),
                rs.getLong("seed"),
                ExperimentStatus.valueOf(rs.getString("status")),
                Optional.ofNullable(rs.getString("error")),
                rs.getLong("progress_done"),
                rs.getLong("progress_total"),
                Optional.ofNullable(rs.getString("summary_json")),
                instant(rs, "created_at"),
                Optional.ofNullable(instant(rs, "started_at")),
                Optional.ofNullable(instant(rs, "finished_at")),
                tags(rs.getString("tags")),
                rs.getString("notes"),
                Optional.ofNullable(rs.getObject("steps_per_epoch", Long.class)),
                Optional.ofNullable(rs.getString("owner")),
                Optional.ofNullable(rs.getString("worker")),
                Optional.ofNullable(rs.getObject("parent_id", Long.class)));
    }

    /** Tags are stored as ",a,b," so that one tag is found with LIKE '%,a,%'. */
    static List<String> tags(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(stored.split(","))
                .filter(t -> !t.isBlank())
                .toList();
    }

    static String storedTags(List<String> tags) {
        return tags.isEmpty() ? "" : "," + String.join(",", tags) + ",";
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
