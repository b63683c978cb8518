package dev.lectern.plugin.testkit;

import dev.lectern.plugin.api.MetricsSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
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
    private final Set<String> perEpoch = ConcurrentHashMap.newKeySet();
    private final Set<String> perStep = ConcurrentHashMap.newKeySet();
    private volatile long stepsPerEpoch;

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
        perStep.add(name);
        series.computeIfAbsent(name, k -> new ArrayList<>()).add(new Point(step, value));
    }

    /** Keeps the point among the others of its metric, with the epoch as its step, and remembers the unit. */
    @Override
    public void reportEpoch(String name, long epoch, double value) {
        perEpoch.add(name);
        series.computeIfAbsent(name, k -> new ArrayList<>()).add(new Point(epoch, value));
    }

    @Override
    public void stepsPerEpoch(long steps) {
        MetricsSink.super.stepsPerEpoch(steps);
        stepsPerEpoch = steps;
    }

    /**
     * Returns the steps per epoch the plugin declared.
     *
     * @return the declared value, empty when none was
     */
    public OptionalLong stepsPerEpoch() {
        long steps = stepsPerEpoch;
        return steps > 0 ? OptionalLong.of(steps) : OptionalLong.empty();
    }

    /**
     * Tells whether a metric was reported with {@link #reportEpoch}.
     *
     * @param name the metric name
     * @return true when at least one of its points was reported per epoch
     */
    public boolean isPerEpoch(String name) {
        return perEpoch.contains(name);
    }

    /**
     * Returns the metrics reported both per step and per epoch, which charts cannot place on one axis.
     *
     * @return their names, empty when none
     */
    public Set<String> reportedBothWays() {
        Set<String> both = new TreeSet<>(perEpoch);
        both.retainAll(perStep);
        return both;
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
