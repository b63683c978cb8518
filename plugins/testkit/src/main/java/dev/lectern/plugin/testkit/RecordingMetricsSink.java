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

    /**
     * One reported line of text.
     *
     * @param step the step
     * @param text the text
     */
    public record Note(long step, String text) {}

    private final Map<String, List<Point>> series = new ConcurrentHashMap<>();
    private final Map<String, List<Note>> notes = new ConcurrentHashMap<>();

    @Override
    public void text(String name, long step, String text) {
        notes.computeIfAbsent(name, k -> new ArrayList<>()).add(new Note(step, text));
    }

    /**
     * Returns the lines of text reported under one name.
     *
     * @param name the name
     * @return the lines in report order, empty if none
     */
    public List<Note> texts(String name) {
        return notes.getOrDefault(name, List.of());
    }

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
