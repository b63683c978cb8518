package dev.lectern.server.metrics;

import dev.lectern.plugin.api.LecturePlugin;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The order of a run's metric charts: the charts its plugin names in {@link LecturePlugin#chartOrder()} first, in that
 * order, then {@code loss}, then the rest by name. Pages draw in this order whether they watched the run live (metrics
 * arriving in report order) or opened it later (metrics read back by name), so the charts stay where they were.
 */
public final class ChartOrder {

    private static final ChartOrder NONE = new ChartOrder(List.of());

    private final List<String> declared;

    private ChartOrder(List<String> declared) {
        this.declared = List.copyOf(declared);
    }

    /**
     * Returns the order a plugin declares; a plugin that is not loaded, or whose answer is unusable, gets the default.
     *
     * @param plugins the plugins' declarations, first one first (compared runs may come from several)
     * @return the order
     */
    public static ChartOrder declaredBy(Collection<LecturePlugin> plugins) {
        Set<String> names = new LinkedHashSet<>();
        for (LecturePlugin plugin : plugins) {
            names.addAll(declared(plugin));
        }
        return names.isEmpty() ? NONE : new ChartOrder(new ArrayList<>(names));
    }

    /**
     * Returns an order from chart names, as a plugin would declare them.
     *
     * @param declared chart names, first shown first
     * @return the order
     */
    public static ChartOrder of(List<String> declared) {
        return new ChartOrder(
                declared.stream().filter(ChartOrder::usable).distinct().toList());
    }

    // A plugin's code answers; a broken answer (null, an exception, blank names) costs it its order, not the page.
    private static List<String> declared(LecturePlugin plugin) {
        try {
            List<String> names = plugin.chartOrder();
            return names == null
                    ? List.of()
                    : names.stream().filter(ChartOrder::usable).toList();
        } catch (RuntimeException | LinkageError e) {
            return List.of();
        }
    }

    private static boolean usable(String name) {
        return name != null && !name.isBlank();
    }

    /**
     * Returns the chart names as declared, for the page to place charts that appear later.
     *
     * @return the declared names, empty for the default order
     */
    public List<String> declared() {
        return declared;
    }

    /**
     * Returns the chart a metric is drawn on: its name up to the first {@code /} (a name that starts with one is its own
     * chart, as on the page).
     *
     * @param metric a metric name such as {@code accuracy/test}
     * @return the chart name, such as {@code accuracy}
     */
    public static String chartOf(String metric) {
        int slash = metric.indexOf('/');
        return slash <= 0 ? metric : metric.substring(0, slash);
    }

    /**
     * Orders metric names by their chart's place; on one chart its own series comes first, then the others by name.
     *
     * @return the comparator
     */
    public Comparator<String> metrics() {
        Comparator<String> byChart =
                Comparator.comparingInt((String m) -> rank(chartOf(m))).thenComparing(ChartOrder::chartOf);
        return byChart.thenComparing((String m) -> !m.equals(chartOf(m))).thenComparing(Comparator.naturalOrder());
    }

    /**
     * Sorts metric names into chart order.
     *
     * @param metrics the names
     * @return a new list in chart order
     */
    public List<String> sort(Collection<String> metrics) {
        return metrics.stream().sorted(metrics()).toList();
    }

    private int rank(String chart) {
        int at = declared.indexOf(chart);
        if (at >= 0) {
            return at;
        }
        return declared.size() + ("loss".equals(chart) ? 0 : 1);
    }
}
