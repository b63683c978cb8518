package dev.lectern.server.sweep;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.server.ConflictException;
import dev.lectern.server.Json;
import dev.lectern.server.NotFoundException;
import dev.lectern.server.experiment.Experiment;
import dev.lectern.server.experiment.ExperimentService;
import dev.lectern.server.experiment.NewExperiment;
import dev.lectern.server.store.Jdbc;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Sweeps: a grid over 1 to 3 hyperparameters, one experiment per combination, queued like any other experiment so
 * the configured concurrency applies. Every combination is checked before the first experiment is created, so a bad
 * value never leaves half a sweep behind.
 */
public final class SweepService {

    static final int MAX_PARAMS = 3;
    static final int MAX_VALUES = 20;
    static final int MAX_RUNS = 100;

    private final Jdbc jdbc;
    private final ExperimentService experiments;
    private final Json json;

    /**
     * Creates the service.
     *
     * @param jdbc the database
     * @param experiments creates and cancels the sweep's experiments
     * @param json reads and writes the grid
     */
    public SweepService(Jdbc jdbc, ExperimentService experiments, Json json) {
        this.jdbc = jdbc;
        this.experiments = experiments;
        this.json = json;
    }

    /**
     * Checks a grid and queues one experiment per combination.
     *
     * @param plugin the plugin id
     * @param dataset the data set id
     * @param name the sweep's name, blank for one made from the grid
     * @param base values of the hyperparameters that are not swept
     * @param grid each swept hyperparameter with its values
     * @param device the device, blank for the default
     * @param owner the account that asks, or null without accounts
     * @return the sweep
     * @throws InvalidParameterException naming {@code grid} or the bad parameter
     */
    public Sweep create(
            String plugin,
            String dataset,
            String name,
            Map<String, Object> base,
            Map<String, List<Object>> grid,
            String device,
            String owner) {
        LecturePlugin lecture = experiments.plugin(plugin);
        Map<String, ParamSpec> specs = new LinkedHashMap<>();
        lecture.hyperParameters().forEach(s -> specs.put(s.name(), s));
        if (grid == null || grid.isEmpty() || grid.size() > MAX_PARAMS) {
            throw new InvalidParameterException(
                    "grid",
                    "a sweep varies 1 to " + MAX_PARAMS + " hyperparameters, got " + (grid == null ? 0 : grid.size()));
        }
        Map<String, List<Object>> checked = new LinkedHashMap<>();
        long combinations = 1;
        for (Map.Entry<String, List<Object>> axis : grid.entrySet()) {
            ParamSpec spec = specs.get(axis.getKey());
            if (spec == null) {
                throw new InvalidParameterException(
                        "grid", "'" + axis.getKey() + "' is not a hyperparameter of " + plugin);
            }
            List<Object> values = axis.getValue() == null ? List.of() : axis.getValue();
            if (values.isEmpty() || values.size() > MAX_VALUES) {
                throw new InvalidParameterException(
                        spec.name(), spec.label() + ": give 1 to " + MAX_VALUES + " values, got " + values.size());
            }
            List<Object> parsed = new ArrayList<>();
            for (Object value : values) {
                Object v = spec.parse(value);
                if (!parsed.contains(v)) {
                    parsed.add(v);
                }
            }
            checked.put(spec.name(), parsed);
            combinations *= parsed.size();
        }
        if (combinations > MAX_RUNS) {
            throw new InvalidParameterException(
                    "grid", "the grid has " + combinations + " combinations; at most " + MAX_RUNS + " per sweep");
        }
        List<Map<String, Object>> runs = combinations(checked);
        for (Map<String, Object> combination : runs) {
            Map<String, Object> params = new LinkedHashMap<>(base == null ? Map.of() : base);
            params.putAll(combination);
            experiments.check(new NewExperiment(plugin, dataset, params, null, device).ownedBy(owner));
        }
        String sweepName =
                name == null || name.isBlank() ? "sweep over " + String.join(", ", checked.keySet()) : name.strip();
        if (sweepName.length() > 200) {
            throw new InvalidParameterException("name", "name must be at most 200 characters");
        }
        return experiments.createAll(
                owner, runs.size(), () -> insert(plugin, dataset, sweepName, checked, base, runs, device, owner));
    }

    private Sweep insert(
            String plugin,
            String dataset,
            String sweepName,
            Map<String, List<Object>> checked,
            Map<String, Object> base,
            List<Map<String, Object>> runs,
            String device,
            String owner) {
        long id = jdbc.insert(
                "INSERT INTO sweeps (name, plugin_id, dataset_id, grid_json, created_at, owner) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                sweepName,
                plugin,
                dataset,
                json.write(checked),
                OffsetDateTime.now(ZoneOffset.UTC),
                owner);
        for (Map<String, Object> combination : runs) {
            Map<String, Object> params = new LinkedHashMap<>(base == null ? Map.of() : base);
            params.putAll(combination);
            String runName = sweepName + ": "
                    + combination.entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", "));
            experiments.create(new NewExperiment(
                    plugin,
                    dataset,
                    params,
                    runName.length() > 200 ? runName.substring(0, 200) : runName,
                    device,
                    id,
                    owner));
        }
        return get(id);
    }

    /**
     * The owner of a sweep.
     *
     * @param id the sweep
     * @return empty when there is no such sweep; else its owner, empty for one made without accounts
     */
    public Optional<Optional<String>> ownerOf(long id) {
        return jdbc.queryOne("SELECT owner FROM sweeps WHERE id = ?", rs -> Optional.ofNullable(rs.getString(1)), id);
    }

    /** Returns a sweep or throws {@link NotFoundException}. */
    public Sweep get(long id) {
        return jdbc.queryOne(
                        "SELECT id, name, plugin_id, dataset_id, grid_json, created_at, owner FROM sweeps WHERE id = ?",
                        rs -> new Sweep(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                readGrid(rs.getString(5)),
                                rs.getObject(6, OffsetDateTime.class).toInstant(),
                                rs.getString(7)),
                        id)
                .orElseThrow(() -> new NotFoundException("sweep " + id + " does not exist"));
    }

    /** The sweep's experiments, in creation order. */
    public List<Experiment> experiments(long id) {
        get(id);
        return experiments.inSweep(id);
    }

    /**
     * Cancels every queued or running experiment of the sweep.
     *
     * @return how many were cancelled
     */
    public int cancel(long id) {
        int cancelled = 0;
        for (Experiment e : experiments(id)) {
            if (e.status().isActive()) {
                try {
                    experiments.cancel(e.id());
                    cancelled++;
                } catch (ConflictException ended) {
                    // It finished between the read and the cancel.
                }
            }
        }
        return cancelled;
    }

    private Map<String, List<Object>> readGrid(String text) {
        try {
            return json.mapper().readValue(text, new TypeReference<LinkedHashMap<String, List<Object>>>() {});
        } catch (Exception e) {
            throw new IllegalStateException("stored grid is not JSON: " + e.getMessage(), e);
        }
    }

    static List<Map<String, Object>> combinations(Map<String, List<Object>> grid) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> axis : grid.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : out) {
                for (Object value : axis.getValue()) {
                    Map<String, Object> combination = new LinkedHashMap<>(partial);
                    combination.put(axis.getKey(), value);
                    next.add(combination);
                }
            }
            out = next;
        }
        return out;
    }
}
