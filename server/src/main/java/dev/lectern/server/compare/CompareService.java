package dev.lectern.server.compare;

import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.server.Json;
import dev.lectern.server.access.Viewer;
import dev.lectern.server.experiment.Experiment;
import dev.lectern.server.experiment.ExperimentService;
import dev.lectern.server.experiment.RunFacts;
import dev.lectern.server.http.Formats;
import dev.lectern.server.metrics.ChartOrder;
import dev.lectern.server.metrics.MetricSummary;
import dev.lectern.server.metrics.MetricsRepository;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Puts 2 to 20 runs side by side: which parameters differ, each metric's summaries, the shared curves. */
public final class CompareService {

    /** The most runs one comparison holds. */
    public static final int MAX_COMPARE = 20;

    private static final int COMPARE_POINTS = 2_000;

    private final ExperimentService experiments;
    private final MetricsRepository metrics;
    private final Json json;
    private final Function<String, Optional<LecturePlugin>> plugins;

    /**
     * Creates the service.
     *
     * @param experiments the runs
     * @param metrics their metrics
     * @param json reads stored parameters
     * @param plugins finds a loaded plugin by id, for the order of its charts
     */
    public CompareService(
            ExperimentService experiments,
            MetricsRepository metrics,
            Json json,
            Function<String, Optional<LecturePlugin>> plugins) {
        this.experiments = experiments;
        this.metrics = metrics;
        this.json = json;
        this.plugins = plugins;
    }

    /**
     * The runs named by their ids, 2 to 20 of them, each existing.
     *
     * @param ids the ids
     * @param viewer who asks; another student's run is "does not exist"
     * @return the runs
     */
    public List<Experiment> runs(List<Long> ids, Viewer viewer) {
        if (ids.size() < 2 || ids.size() > MAX_COMPARE) {
            throw new InvalidParameterException(
                    "ids", "select 2 to " + MAX_COMPARE + " experiments to compare, got " + ids.size());
        }
        return ids.stream().map(id -> experiments.visible(id, viewer)).toList();
    }

    /**
     * The comparison of runs; with {@code withSeries} also each shared metric's downsampled curve per run, read for
     * the runs in parallel (a run's points are one index range, so two cores read two runs at once).
     *
     * @param runs the runs
     * @param withSeries whether to read the curves
     * @return the comparison
     */
    public Comparison compare(List<Experiment> runs, boolean withSeries) {
        List<Map<String, Object>> params =
                runs.stream().map(e -> json.readObject(e.paramsJson())).toList();
        Set<String> allParams = new LinkedHashSet<>();
        params.forEach(p -> allParams.addAll(p.keySet()));
        List<String> differing = allParams.stream()
                .filter(name -> params.stream()
                                .map(p -> String.valueOf(p.get(name)))
                                .distinct()
                                .count()
                        > 1)
                .toList();
        Map<Long, List<MetricSummary>> summaries =
                metrics.summaries(runs.stream().map(Experiment::id).toList());
        Set<String> shared = null;
        for (Experiment e : runs) {
            Set<String> names = new LinkedHashSet<>();
            summaries.getOrDefault(e.id(), List.of()).forEach(m -> names.add(m.name()));
            if (shared == null) {
                shared = names;
            } else {
                shared.retainAll(names);
            }
        }
        // The shared curves in the order the runs' plugins declare their charts (the first run's first), as on a run's
        // page; the page draws them in this order.
        ChartOrder order = ChartOrder.declaredBy(runs.stream()
                .map(Experiment::pluginId)
                .distinct()
                .flatMap(id -> plugins.apply(id).stream())
                .toList());
        Set<String> sharedNames = shared == null ? Set.of() : new LinkedHashSet<>(order.sort(shared));
        List<Map<String, List<double[]>>> curves = withSeries
                ? runs.parallelStream()
                        .map(e -> metrics.series(e.id(), COMPARE_POINTS, sharedNames))
                        .toList()
                : List.of();
        List<Comparison.Run> items = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Experiment e = runs.get(i);
            items.add(new Comparison.Run(
                    RunFacts.of(e),
                    params.get(i),
                    label(e, params.get(i), differing),
                    summaries.getOrDefault(e.id(), List.of()),
                    withSeries ? curves.get(i) : null));
        }
        return new Comparison(items, differing, List.copyOf(sharedNames));
    }

    // When the runs differ in exactly one parameter, that parameter's value is the best label ("learningRate 0.1").
    private static String label(Experiment e, Map<String, Object> params, List<String> differing) {
        if (differing.size() == 1) {
            return differing.get(0) + " " + Formats.number(params.get(differing.get(0)));
        }
        return "#" + e.id() + " " + e.name();
    }
}
