package dev.lectern.server.experiment;

import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.server.Json;
import dev.lectern.server.http.Formats;
import dev.lectern.server.http.Forms;
import dev.lectern.server.http.Markdown;
import dev.lectern.server.metrics.MetricSummary;
import dev.lectern.server.plugin.ResultNames;
import dev.lectern.web.page.ExperimentPage;
import dev.lectern.web.page.ExperimentRow;
import dev.lectern.web.page.KeyValue;
import dev.lectern.web.page.MetricCell;
import dev.lectern.web.page.RunRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns stored runs into the display-ready records the experiment templates take. */
public final class ExperimentViews {

    private final Json json;
    private final java.util.function.Predicate<String> checksGradients;

    public ExperimentViews(Json json) {
        this(json, plugin -> false);
    }

    /**
     * Wires the views.
     *
     * @param json the JSON mapper
     * @param checksGradients whether a plugin (by id) offers the gradient check, for the run page's action
     */
    public ExperimentViews(Json json, java.util.function.Predicate<String> checksGradients) {
        this.json = json;
        this.checksGradients = checksGradients;
    }

    public ExperimentRow row(Experiment e, Map<String, String> pluginTitles, Double lastLoss) {
        return new ExperimentRow(
                e.id(),
                e.name(),
                pluginTitles.getOrDefault(e.pluginId(), e.pluginId()),
                e.datasetId(),
                e.status().name(),
                Formats.time(e.createdAt()),
                e.duration().map(Formats::duration).orElse(""),
                lastLoss == null ? "" : Formats.number(lastLoss));
    }

    /** A run as a row of the runs table: the first hyperparameters the plugin declares, every metric's last and best. */
    public RunRow runRow(
            Experiment e,
            Map<String, String> pluginTitles,
            List<MetricSummary> summaries,
            List<ParamSpec> declared,
            boolean showOwner) {
        Map<String, Object> values = json.readObject(e.paramsJson());
        List<KeyValue> params = new ArrayList<>();
        List<String> order =
                new ArrayList<>(declared.stream().map(ParamSpec::name).toList());
        values.keySet().stream().filter(k -> !order.contains(k)).forEach(order::add);
        for (String name : order) {
            if (values.containsKey(name) && params.size() < MAIN_PARAMS) {
                params.add(new KeyValue(name, Formats.number(values.get(name))));
            }
        }
        List<MetricCell> cells = summaries.stream()
                .sorted(java.util.Comparator.comparingInt(ExperimentViews::metricRank))
                .limit(MAX_METRIC_CELLS)
                .map(m -> new MetricCell(
                        m.name(),
                        Formats.number(m.lastValue()),
                        m.bestValue() == null ? "" : Formats.number(m.bestValue()),
                        Formats.bestAt(m, e.stepsPerEpoch()),
                        MetricSummary.higherIsBetter(m.name())))
                .toList();
        int percent = e.progressTotal() > 0 ? (int) Math.min(100, 100 * e.progressDone() / e.progressTotal()) : 0;
        return new RunRow(
                e.id(),
                e.name(),
                pluginTitles.getOrDefault(e.pluginId(), e.pluginId()),
                e.datasetId(),
                e.device(),
                e.status().name(),
                e.startedAt().map(Formats::time).orElse(""),
                e.duration().map(Formats::duration).orElse(""),
                params,
                e.tags(),
                cells,
                percent,
                showOwner ? e.owner().orElse("") : "");
    }

    private static final int MAIN_PARAMS = 5;
    private static final int MAX_METRIC_CELLS = 4;

    // The table shows a few metrics per run: what people compare runs by comes first.
    private static int metricRank(MetricSummary m) {
        String n = m.name().toLowerCase(java.util.Locale.ROOT);
        if (n.contains("test") && (n.contains("acc") || n.contains("rmse"))) {
            return 0;
        }
        if (n.equals("loss") || n.startsWith("loss/")) {
            return 1;
        }
        if (n.contains("acc") || n.contains("rmse") || n.contains("perplexity")) {
            return 2;
        }
        return 3;
    }

    public ExperimentPage page(
            Experiment e,
            String pluginTitle,
            ResultNames names,
            String waiting,
            List<ParamSpec> predictInputs,
            Map<String, ?> predictValues,
            String predictField,
            String prediction,
            String predictError) {
        List<KeyValue> params = new ArrayList<>();
        json.readObject(e.paramsJson()).forEach((k, v) -> params.add(new KeyValue(k, Formats.number(v))));
        List<KeyValue> summary = new ArrayList<>();
        json.readObject(e.summaryJson().orElse(null))
                .forEach((k, v) -> summary.add(new KeyValue(names.display(k), Formats.number(v))));
        List<KeyValue> facts = new ArrayList<>();
        facts.add(new KeyValue("created", Formats.time(e.createdAt())));
        e.startedAt().ifPresent(t -> facts.add(new KeyValue("started", Formats.time(t))));
        e.finishedAt().ifPresent(t -> facts.add(new KeyValue("finished", Formats.time(t))));
        if (!e.status().isActive()) {
            // A training run's elapsed time would be frozen at the moment the page was drawn (and count pauses).
            e.duration().ifPresent(d -> facts.add(new KeyValue("duration", Formats.duration(d))));
        }
        e.owner().ifPresent(owner -> facts.add(new KeyValue("owner", owner)));
        e.worker().ifPresent(worker -> facts.add(new KeyValue("worker", worker)));
        facts.add(new KeyValue("device", e.device()));
        facts.add(new KeyValue("seed", Long.toString(e.seed())));
        facts.add(new KeyValue("plugin version", e.pluginVersion()));
        return new ExperimentPage(
                e.id(),
                e.name(),
                e.pluginId(),
                pluginTitle,
                e.datasetId(),
                e.status().name(),
                e.error().orElse(""),
                waiting,
                e.progressDone(),
                e.progressTotal(),
                e.status().isActive(),
                params,
                summary,
                facts,
                Forms.fields(predictInputs, predictValues, predictField, predictError),
                prediction,
                predictError != null
                                && predictInputs.stream()
                                        .noneMatch(s -> s.name().equals(predictField))
                        ? predictError
                        : "",
                e.tags(),
                e.notes(),
                Markdown.toSafeHtml(e.notes()),
                e.parent().orElse(0L),
                checksGradients.test(e.pluginId()));
    }
}
