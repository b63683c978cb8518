package dev.lectern.server.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.server.Json;
import dev.lectern.server.access.Viewer;
import dev.lectern.server.experiment.Experiment;
import dev.lectern.server.experiment.ExperimentService;
import dev.lectern.server.http.Formats;
import dev.lectern.server.http.Ids;
import dev.lectern.server.http.JsonBodies;
import dev.lectern.server.metrics.MetricSummary;
import dev.lectern.server.metrics.MetricsRepository;
import dev.lectern.server.plugin.PluginManager;
import dev.lectern.web.Templates;
import dev.lectern.web.page.KeyValue;
import dev.lectern.web.page.SweepPage;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sweeps over the JSON API, from the plugin page's form, and on their own page. */
public final class SweepController {

    private static final int FORM_AXES = 3;

    private final SweepService sweeps;
    private final ExperimentService experiments;
    private final MetricsRepository metrics;
    private final PluginManager plugins;
    private final Json json;
    private final Templates templates;

    public SweepController(
            SweepService sweeps,
            ExperimentService experiments,
            MetricsRepository metrics,
            PluginManager plugins,
            Json json,
            Templates templates) {
        this.sweeps = sweeps;
        this.experiments = experiments;
        this.metrics = metrics;
        this.plugins = plugins;
        this.json = json;
        this.templates = templates;
    }

    /** {@code POST /api/sweeps}: {@code {plugin, dataset, name?, params?, grid: {param: [values]}, device?}}. */
    public void create(Context ctx) {
        JsonNode body = JsonBodies.object(ctx, json.mapper());
        Map<String, Object> base = new LinkedHashMap<>();
        if (body.has("params") && body.get("params").isObject()) {
            body.get("params")
                    .fields()
                    .forEachRemaining(e -> base.put(e.getKey(), JsonBodies.scalar(e.getKey(), e.getValue())));
        }
        Map<String, List<Object>> grid = new LinkedHashMap<>();
        JsonNode gridNode = body.get("grid");
        if (gridNode == null || !gridNode.isObject()) {
            throw new InvalidParameterException("grid", "grid must map hyperparameter names to lists of values");
        }
        gridNode.fields().forEachRemaining(e -> {
            List<Object> values = new ArrayList<>();
            if (!e.getValue().isArray()) {
                throw new InvalidParameterException("grid", "grid." + e.getKey() + " must be a list of values");
            }
            e.getValue().forEach(v -> values.add(JsonBodies.scalar("grid." + e.getKey(), v)));
            grid.put(e.getKey(), values);
        });
        Sweep sweep = sweeps.create(
                JsonBodies.text(body, "plugin"),
                JsonBodies.text(body, "dataset"),
                JsonBodies.text(body, "name"),
                base,
                grid,
                JsonBodies.text(body, "device"),
                Viewer.of(ctx).name());
        ctx.status(HttpStatus.CREATED).json(view(sweep));
    }

    /** {@code POST /plugins/{id}/sweeps}: the run form's "Run as a sweep" button, with up to three swept fields. */
    public void createForm(Context ctx) {
        String pluginId = ctx.pathParam("id");
        LecturePlugin plugin = experiments.plugin(pluginId);
        Map<String, List<Object>> grid = new LinkedHashMap<>();
        for (int i = 1; i <= FORM_AXES; i++) {
            String name = ctx.formParam("sweepParam" + i);
            String values = ctx.formParam("sweepValues" + i);
            if (name == null || name.isBlank() || values == null || values.isBlank()) {
                continue;
            }
            List<Object> list = new ArrayList<>();
            for (String v : values.split(",")) {
                if (!v.isBlank()) {
                    list.add(v.strip());
                }
            }
            grid.put(name.strip(), list);
        }
        Map<String, Object> base = new LinkedHashMap<>();
        for (ParamSpec spec : plugin.hyperParameters()) {
            String value = ctx.formParam(spec.name());
            if (value != null && !grid.containsKey(spec.name())) {
                base.put(spec.name(), value);
            }
        }
        Sweep sweep = sweeps.create(
                pluginId,
                ctx.formParam("dataset"),
                ctx.formParam("name"),
                base,
                grid,
                ctx.formParam("device"),
                Viewer.of(ctx).name());
        ctx.redirect("/sweeps/" + sweep.id(), HttpStatus.SEE_OTHER);
    }

    /** {@code GET /api/sweeps/{id}}. */
    public void get(Context ctx) {
        ctx.json(view(sweeps.get(id(ctx))));
    }

    /** {@code POST /api/sweeps/{id}/cancel}. */
    public void cancel(Context ctx) {
        long id = id(ctx);
        int cancelled = sweeps.cancel(id);
        Map<String, Object> out = view(sweeps.get(id));
        out.put("cancelled", cancelled);
        ctx.json(out);
    }

    /** {@code POST /sweeps/{id}/cancel}: the sweep page's button. */
    public void cancelForm(Context ctx) {
        long id = id(ctx);
        sweeps.cancel(id);
        ctx.redirect("/sweeps/" + id, HttpStatus.SEE_OTHER);
    }

    /** {@code GET /sweeps/{id}}: progress, the runs, the chosen metric against each swept value. */
    public void page(Context ctx) {
        Sweep sweep = sweeps.get(id(ctx));
        List<Experiment> runs = sweeps.experiments(sweep.id());
        Map<Long, List<MetricSummary>> summaries =
                metrics.summaries(runs.stream().map(Experiment::id).toList());
        Set<String> metricNames = new LinkedHashSet<>();
        summaries.values().forEach(list -> list.forEach(m -> metricNames.add(m.name())));
        String metric = ctx.queryParam("metric");
        if (metric == null || !metricNames.contains(metric)) {
            metric = metricNames.contains("accuracy/test")
                    ? "accuracy/test"
                    : metricNames.contains("loss")
                            ? "loss"
                            : metricNames.stream().findFirst().orElse("");
        }
        List<SweepPage.SweepRun> rows = new ArrayList<>();
        long done = 0;
        boolean active = false;
        for (Experiment e : runs) {
            Map<String, Object> params = json.readObject(e.paramsJson());
            List<KeyValue> swept = sweep.grid().keySet().stream()
                    .map(name -> new KeyValue(name, Formats.number(params.get(name))))
                    .toList();
            String chosen = metric;
            MetricSummary m = summaries.getOrDefault(e.id(), List.of()).stream()
                    .filter(s -> s.name().equals(chosen))
                    .findFirst()
                    .orElse(null);
            rows.add(new SweepPage.SweepRun(
                    e.id(),
                    e.name(),
                    e.status().name(),
                    swept,
                    m == null || m.bestValue() == null ? "" : Formats.number(m.bestValue()),
                    m == null ? "" : Formats.number(m.lastValue())));
            if (!e.status().isActive()) {
                done++;
            } else {
                active = true;
            }
        }
        List<KeyValue> grid = sweep.grid().entrySet().stream()
                .map(e -> new KeyValue(
                        e.getKey(),
                        String.join(
                                ", ", e.getValue().stream().map(Formats::number).toList())))
                .toList();
        String title =
                plugins.find(sweep.pluginId()).map(p -> p.descriptor().title()).orElse(sweep.pluginId());
        ctx.html(templates.render(
                "sweeps/show.jte",
                new SweepPage(
                        sweep.id(),
                        sweep.name(),
                        sweep.pluginId(),
                        title,
                        sweep.datasetId(),
                        grid,
                        done,
                        runs.size(),
                        active,
                        rows,
                        metric,
                        List.copyOf(metricNames),
                        MetricSummary.higherIsBetter(metric))));
    }

    private Map<String, Object> view(Sweep sweep) {
        List<Experiment> runs = sweeps.experiments(sweep.id());
        Map<Long, List<MetricSummary>> summaries =
                metrics.summaries(runs.stream().map(Experiment::id).toList());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", sweep.id());
        out.put("name", sweep.name());
        out.put("plugin", sweep.pluginId());
        out.put("dataset", sweep.datasetId());
        out.put("owner", sweep.owner());
        out.put("grid", sweep.grid());
        out.put("total", runs.size());
        out.put("done", runs.stream().filter(e -> !e.status().isActive()).count());
        List<Map<String, Object>> items = new ArrayList<>();
        for (Experiment e : runs) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", e.id());
            item.put("name", e.name());
            item.put("status", e.status().name());
            item.put("params", json.readObject(e.paramsJson()));
            item.put("metrics", summaries.getOrDefault(e.id(), List.of()));
            items.add(item);
        }
        out.put("experiments", items);
        return out;
    }

    private static long id(Context ctx) {
        return Ids.pathId(ctx, "sweep");
    }
}
