package dev.lectern.server.metrics;

import dev.lectern.server.store.Jdbc;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Stores metric points and keeps each metric's last and best values; reads points back per metric, in step order, downsampled. */
public final class MetricsRepository {

    private final Jdbc jdbc;
    private final CurveRollups rollups;

    /**
     * Creates the repository.
     *
     * @param jdbc the JDBC helper
     */
    public MetricsRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.rollups = new CurveRollups(jdbc);
    }

    /** Writes points in one batch. */
    public void insert(long experimentId, Collection<MetricPoint> points) {
        List<Object[]> rows = new ArrayList<>(points.size());
        for (MetricPoint p : points) {
            rows.add(new Object[] {experimentId, p.name(), p.step(), p.value()});
        }
        try {
            jdbc.batch("INSERT INTO metrics (experiment_id, name, step, metric_value) VALUES (?, ?, ?, ?)", rows);
        } catch (Jdbc.StoreException e) {
            // One transaction: none of the points were written, so the caller may send them again.
            throw new NotStoredException(e);
        }
        summarise(experimentId, points);
        points.stream().map(MetricPoint::name).distinct().forEach(name -> rollups.rollUp(experimentId, name));
    }

    // One writer per run (its sink's flush), so read-modify-write of a run's summary rows cannot race. A metric's unit
    // (per step or per epoch) is that of its first point: plugins report a metric one way only (the testkit checks).
    private void summarise(long experimentId, Collection<MetricPoint> points) {
        Map<String, MetricSummary> batch = new LinkedHashMap<>();
        for (MetricPoint p : points) {
            batch.merge(p.name(), single(p), MetricsRepository::combine);
        }
        for (MetricSummary add : batch.values()) {
            int updated = jdbc.update(
                    "UPDATE metric_summaries SET points = points + ?, "
                            + "last_value = CASE WHEN ? >= last_step THEN ? ELSE last_value END, "
                            + "last_step = CASE WHEN ? >= last_step THEN ? ELSE last_step END, "
                            + "min_step = CASE WHEN min_value IS NULL OR CAST(? AS DOUBLE PRECISION) < min_value THEN ? ELSE min_step END, "
                            + "min_value = CASE WHEN min_value IS NULL OR CAST(? AS DOUBLE PRECISION) < min_value THEN ? ELSE min_value END, "
                            + "max_step = CASE WHEN max_value IS NULL OR CAST(? AS DOUBLE PRECISION) > max_value THEN ? ELSE max_step END, "
                            + "max_value = CASE WHEN max_value IS NULL OR CAST(? AS DOUBLE PRECISION) > max_value THEN ? ELSE max_value END "
                            + "WHERE experiment_id = ? AND name = ?",
                    add.points(),
                    add.lastStep(),
                    add.lastValue(),
                    add.lastStep(),
                    add.lastStep(),
                    add.minValue(),
                    add.minStep(),
                    add.minValue(),
                    add.minValue(),
                    add.maxValue(),
                    add.maxStep(),
                    add.maxValue(),
                    add.maxValue(),
                    experimentId,
                    add.name());
            if (updated == 0) {
                jdbc.update(
                        "INSERT INTO metric_summaries (experiment_id, name, points, last_step, last_value, min_step, "
                                + "min_value, max_step, max_value, per_epoch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        experimentId,
                        add.name(),
                        add.points(),
                        add.lastStep(),
                        add.lastValue(),
                        add.minStep(),
                        add.minValue(),
                        add.maxStep(),
                        add.maxValue(),
                        add.perEpoch());
            }
        }
    }

    private static MetricSummary single(MetricPoint p) {
        boolean finite = Double.isFinite(p.value());
        return new MetricSummary(
                p.name(),
                1,
                p.step(),
                p.value(),
                finite ? p.step() : null,
                finite ? p.value() : null,
                finite ? p.step() : null,
                finite ? p.value() : null,
                p.perEpoch());
    }

    private static MetricSummary combine(MetricSummary a, MetricSummary b) {
        boolean bLast = b.lastStep() >= a.lastStep();
        boolean bMin = b.minValue() != null && (a.minValue() == null || b.minValue() < a.minValue());
        boolean bMax = b.maxValue() != null && (a.maxValue() == null || b.maxValue() > a.maxValue());
        return new MetricSummary(
                a.name(),
                a.points() + b.points(),
                bLast ? b.lastStep() : a.lastStep(),
                bLast ? b.lastValue() : a.lastValue(),
                bMin ? b.minStep() : a.minStep(),
                bMin ? b.minValue() : a.minValue(),
                bMax ? b.maxStep() : a.maxStep(),
                bMax ? b.maxValue() : a.maxValue(),
                a.perEpoch());
    }

    /** Returns the summaries of every metric of the given runs, by run id, metrics in name order. */
    public Map<Long, List<MetricSummary>> summaries(Collection<Long> experimentIds) {
        Map<Long, List<MetricSummary>> out = new LinkedHashMap<>();
        if (experimentIds.isEmpty()) {
            return out;
        }
        String marks = String.join(",", Collections.nCopies(experimentIds.size(), "?"));
        jdbc.query(
                "SELECT experiment_id, name, points, last_step, last_value, min_step, min_value, max_step, max_value, "
                        + "per_epoch FROM metric_summaries WHERE experiment_id IN (" + marks
                        + ") ORDER BY experiment_id, "
                        + jdbc.byCodePoint("name"),
                rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new MetricSummary(
                                    rs.getString(2),
                                    rs.getLong(3),
                                    rs.getLong(4),
                                    rs.getDouble(5),
                                    (Long) rs.getObject(6, Long.class),
                                    (Double) rs.getObject(7, Double.class),
                                    (Long) rs.getObject(8, Long.class),
                                    (Double) rs.getObject(9, Double.class),
                                    rs.getBoolean(10)));
                    return null;
                },
                experimentIds.toArray());
        return out;
    }

    /** The names of all metrics any run reported, in name order, for the runs table's sort menu. */
    public List<String> metricNames() {
        // GROUP BY rather than DISTINCT: PostgreSQL sorts a DISTINCT result only by the selected expression itself.
        return jdbc.query(
                "SELECT name FROM metric_summaries GROUP BY name ORDER BY " + jdbc.byCodePoint("name"),
                rs -> rs.getString(1));
    }

    /** Writes lines of text in one batch. */
    public void insertTexts(long experimentId, Collection<MetricText> texts) {
        List<Object[]> rows = new ArrayList<>(texts.size());
        for (MetricText t : texts) {
            rows.add(new Object[] {experimentId, t.name(), t.step(), t.text()});
        }
        try {
            jdbc.batch("INSERT INTO metric_texts (experiment_id, name, step, text_value) VALUES (?, ?, ?, ?)", rows);
        } catch (Jdbc.StoreException e) {
            throw new NotStoredException(e);
        }
    }

    /** Nothing of a batch was written (the database was unreachable, say): the same batch may be sent again. */
    public static final class NotStoredException extends RuntimeException {
        NotStoredException(Jdbc.StoreException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * Reads the newest lines of text of an experiment, at most {@code limit}, in the order they were reported.
     */
    public List<MetricText> texts(long experimentId, int limit) {
        List<MetricText> newestFirst = jdbc.query(
                "SELECT name, step, text_value FROM metric_texts WHERE experiment_id = ? "
                        + "ORDER BY seq DESC FETCH FIRST ? ROWS ONLY",
                rs -> new MetricText(rs.getString(1), rs.getLong(2), rs.getString(3)),
                experimentId,
                limit);
        List<MetricText> inOrder = new ArrayList<>(newestFirst);
        Collections.reverse(inOrder);
        return inOrder;
    }

    /**
     * Reads every metric of an experiment as {@code [step, value]} pairs in step order, at most
     * {@code maxPoints} per metric, downsampled keeping each bucket's first, last, lowest and highest point. Long
     * curves are read from their rolled-up groups ({@link CurveRollups}).
     */
    public Map<String, List<double[]>> series(long experimentId, int maxPoints) {
        Map<String, Long> counts = pointCounts(experimentId);
        if (counts.values().stream().noneMatch(n -> CurveRollups.isLong(n, maxPoints))) {
            Map<String, List<double[]>> series = new LinkedHashMap<>();
            jdbc.query(
                    "SELECT name, step, metric_value FROM metrics WHERE experiment_id = ? ORDER BY "
                            + jdbc.byCodePoint("name") + ", step",
                    rs -> {
                        series.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(new double[] {rs.getLong(2), rs.getDouble(3)});
                        return null;
                    },
                    experimentId);
            series.replaceAll((name, points) -> MinMaxDownsampler.downsample(points, maxPoints));
            return series;
        }
        return series(experimentId, maxPoints, counts.keySet(), counts);
    }

    /**
     * Reads some metrics of an experiment, as {@link #series(long, int)} does for all of them: only the named metrics'
     * points are read.
     */
    public Map<String, List<double[]>> series(long experimentId, int maxPoints, Set<String> names) {
        return series(experimentId, maxPoints, names, pointCounts(experimentId));
    }

    private Map<String, List<double[]>> series(
            long experimentId, int maxPoints, Collection<String> names, Map<String, Long> counts) {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (String name : names) {
            long count = counts.getOrDefault(name, 0L);
            if (CurveRollups.isLong(count, maxPoints)) {
                series.put(name, rollups.read(experimentId, name, maxPoints));
                continue;
            }
            series.put(
                    name,
                    MinMaxDownsampler.downsample(
                            CurveRollups.rawPoints(jdbc, experimentId, name, Long.MIN_VALUE), maxPoints));
        }
        return series;
    }

    private Map<String, Long> pointCounts(long experimentId) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query(
                "SELECT name, points FROM metric_summaries WHERE experiment_id = ?",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                    return null;
                },
                experimentId);
        return counts;
    }

    /** Returns the last value of one metric for each of the given experiments. */
    public Map<Long, Double> lastValues(Collection<Long> experimentIds, String metric) {
        Map<Long, Double> last = new LinkedHashMap<>();
        summaries(experimentIds)
                .forEach((id, list) -> list.stream()
                        .filter(m -> m.name().equals(metric))
                        .findFirst()
                        .ifPresent(m -> last.put(id, m.lastValue())));
        return last;
    }
}
