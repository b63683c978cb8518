package dev.lectern.plugin.testkit;

import dev.lectern.plugin.api.MetricsSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A metrics sink that keeps every reported point in memory, in order, per metric. */
public final class RecordingMetricsSink implements MetricsSink {

    /**
     * One reported point.
     *
     * @param step the step
     * @param value the value
     */
    public record Point(long step, double value) {}

    private final Map<String, List<Point>> series = new ConcurrentHashMap<>();

    @Override
    public void report(String name, long step, double value) {
        series.computeIfAbsent(name, k -> new ArrayList<>()).add(new Point(step, value));
    }

    /**
     * Returns the points of one metric.
     *
     * @param name the metric name
     * @return the points in report order, empty if none
     */
    public List<Point> points(String name) {
        return series.getOrDefault(name, List.of());
    }

    /**
     * Returns every metric's points.
     *
     * @return name to points
     */
    public Map<String, List<Point>> all() {
        return series;
    }

    /**
     * Returns the number of points reported so far over all metrics.
     *
     * @return the count
     */
    public int count() {
        return series.values().stream().mapToInt(List::size).sum();
    }
}
