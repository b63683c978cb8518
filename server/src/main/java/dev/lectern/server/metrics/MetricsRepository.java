package dev.lectern.server.metrics;

import dev.lectern.server.store.Jdbc;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stores metric points; reads them back per metric, in step order, optionally thinned. */
public final class MetricsRepository {

    private final Jdbc jdbc;

    /**
     * Creates the repository.
     *
     * @param jdbc the JDBC helper
     */
    public MetricsRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes points in one batch. */
    public void insert(long experimentId, Collection<MetricPoint> points) {
        List<Object[]> rows = new ArrayList<>(points.size());
        for (MetricPoint p : points) {
            rows.add(new Object[] {experimentId, p.name(), p.step(), p.value()});
        }
        jdbc.batch("INSERT INTO metrics (experiment_id, name, step, metric_value) VALUES (?, ?, ?, ?)", rows);
    }

    /** Writes lines of text in one batch. */
    public void insertTexts(long experimentId, Collection<MetricText> texts) {
        List<Object[]> rows = new ArrayList<>(texts.size());
        for (MetricText t : texts) {
            rows.add(new Object[] {experimentId, t.name(), t.step(), t.text()});
        }
        jdbc.batch("INSERT INTO metric_texts (experiment_id, name, step, text_value) VALUES (?, ?, ?, ?)", rows);
    }

    /**
     * Reads the newest lines of text of an experiment, at most {@code limit}, in the order they were reported.
     */
    public List<MetricText> texts(long experimentId, int limit) {
        List<MetricText> newestFirst = jdbc.query("SELECT name, step, text_value FROM metric_texts WHERE experiment_id = ? "
                + "ORDER BY seq DESC LIMIT ?", rs -> new MetricText(rs.getString(1), rs.getLong(2), rs.getString(3)),
                experimentId, limit);
        List<MetricText> inOrder = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(inOrder);
        return inOrder;
    }

    /**
     * Reads every metric of an experiment as {@code [step, value]} pairs in step order, at most
     * {@code maxPoints} per metric (evenly thinned, always keeping the first and last point).
     */
    public Map<String, List<double[]>> series(long experimentId, int maxPoints) {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        jdbc.query("SELECT name, step, metric_value FROM metrics WHERE experiment_id = ? ORDER BY name, step", rs -> {
            series.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new double[] {rs.getLong(2), rs.getDouble(3)});
            return null;
        }, experimentId);
        series.replaceAll((name, points) -> thin(points, maxPoints));
        return series;
    }

    /** Returns the last value of one metric for each of the given experiments. */
    public Map<Long, Double> lastValues(Collection<Long> experimentIds, String metric) {
        Map<Long, Double> last = new LinkedHashMap<>();
        if (experimentIds.isEmpty()) {
            return last;
        }
        String marks = String.join(",", experimentIds.stream().map(id -> "?").toList());
        Object[] args = new Object[experimentIds.size() * 2 + 2];
        int i = 0;
        for (Long id : experimentIds) {
            args[i++] = id;
        }
        args[i++] = metric;
        for (Long id : experimentIds) {
            args[i++] = id;
        }
        args[i] = metric;
        jdbc.query("SELECT m.experiment_id, m.metric_value FROM metrics m JOIN ("
                + "SELECT experiment_id, MAX(step) AS step FROM metrics WHERE experiment_id IN (" + marks + ") AND name = ? "
                + "GROUP BY experiment_id) t ON m.experiment_id = t.experiment_id AND m.step = t.step "
                + "WHERE m.experiment_id IN (" + marks + ") AND m.name = ?", rs -> {
                    last.put(rs.getLong(1), rs.getDouble(2));
                    return null;
                }, args);
        return last;
    }

    private static List<double[]> thin(List<double[]> points, int maxPoints) {
        if (maxPoints <= 0 || points.size() <= maxPoints) {
            return points;
        }
        List<double[]> out = new ArrayList<>(maxPoints);
        double stride = (points.size() - 1) / (double) (maxPoints - 1);
        for (int i = 0; i < maxPoints; i++) {
            out.add(points.get((int) Math.round(i * stride)));
        }
        return out;
    }
}
