package dev.lectern.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.Prediction;
import dev.lectern.server.Json;
import dev.lectern.server.experiment.Experiment;
import dev.lectern.server.experiment.ExperimentService;
import dev.lectern.server.experiment.ExperimentStatus;
import dev.lectern.server.experiment.NewExperiment;
import dev.lectern.server.experiment.RunQuery;
import dev.lectern.server.metrics.MetricSummary;
import dev.lectern.server.metrics.MetricsRepository;
import dev.lectern.server.plugin.PluginManager;
import dev.lectern.server.plugin.PluginStatus;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON API of DESIGN.md's contracts. */
final class ApiController {

    private static final int DEFAULT_TEXTS = 200;
    private static final int MAX_TEXTS = 10_000;

    private static final int DEFAULT_MAX_POINTS = 5000;

    private final ExperimentService experiments;
    private final MetricsRepository metrics;
    private final PluginManager plugins;
    private final Json json;

    ApiController(ExperimentService experiments, MetricsRepository metrics, PluginManager plugins, Json json) {
        this.experiments = experiments;
        this.metrics = metrics;
        this.plugins = plugins;
        this.json = json;
    }

    void plugins(Context ctx) {
        ctx.json(describe(plugins.statuses()));
    }

    void rescan(Context ctx) {
        ctx.json(describe(plugins.rescan()));
    }

    private List<Map<String, Object>> describe(List<PluginStatus> statuses) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PluginStatus status : statuses) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", status.id());
            item.put("status", status.isLoaded() ? "LOADED" : "FAILED");
            item.put("error", plugins.shownError(status).orElse(null));
            item.put("source", plugins.shownSource(status));
            status.plugin().ifPresent(p -> describe(p, item));
            out.add(item);
        }
        return out;
    }

    private static void describe(LecturePlugin plugin, Map<String, Object> item) {
        var d = plugin.descriptor();
        item.put("title", d.title());
        item.put("topic", d.topic());
        item.put("summary", d.summary());
        item.put("version", d.version());
        item.put("apiVersion", d.apiVersion());
        item.put("formulas", d.formulas());
        item.put("datasetKinds", plugin.datasetKinds());
        List<Map<String, Object>> params = new ArrayList<>();
        for (ParamSpec spec : plugin.hyperParameters()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", spec.name());
            p.put("label", spec.label());
            p.put("type", spec.type());
            p.put("default", spec.defaultValue());
            p.put("min", spec.min());
            p.put("max", spec.max());
            p.put("choices", spec.choices());
            p.put("help", spec.help());
            params.add(p);
        }
        item.put("params", params);
    }

    void create(Context ctx) {
        JsonNode body = JsonBodies.object(ctx, json.mapper());
        Map<String, Object> params = new LinkedHashMap<>();
        JsonNode paramsNode = body.path("params");
        if (!paramsNode.isMissingNode() && !paramsNode.isNull()) {
            if (!paramsNode.isObject()) {
                throw new InvalidParameterException("params", "params must be a JSON object");
            }
            paramsNode.fields().forEachRemaining(e -> params.put(e.getKey(), JsonBodies.scalar(e.getKey(), e.getValue())));
        }
        Experiment created = experiments.create(new NewExperiment(JsonBodies.text(body, "plugin"), JsonBodies.text(body, "dataset"), params,
                JsonBodies.text(body, "name"), JsonBodies.text(body, "device")));
        ctx.status(HttpStatus.CREATED).json(view(created, false));
    }

    void list(Context ctx) {
        int page = Ids.positive(ctx, "page", 1, 1_000_000);
        int size = Ids.positive(ctx, "size", 20, 200);
        RunQuery query = RunQueries.query(ctx, (page - 1) * size, size);
        List<Experiment> found = experiments.search(query);
        var summaries = metrics.summaries(found.stream().map(Experiment::id).toList());
        List<Map<String, Object>> items = found.stream().map(e -> {
            Map<String, Object> item = view(e, false);
            item.put("metrics", summaries.getOrDefault(e.id(), List.of()));
            return item;
        }).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("total", experiments.count(query));
        out.put("page", page);
        out.put("size", size);
        ctx.json(out);
    }

    void get(Context ctx) {
        ctx.json(view(experiments.get(Ids.experimentId(ctx)), true));
    }

    void metrics(Context ctx) {
        long id = Ids.experimentId(ctx);
        Experiment experiment = experiments.get(id);
        int maxPoints = Ids.positive(ctx, "maxPoints", DEFAULT_MAX_POINTS, 1_000_000);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("series", metrics.series(id, maxPoints));
        // Per-epoch metrics keep the epoch as their x; with the steps per epoch the page can place them among steps.
        body.put("perEpoch", MetricSummary.perEpochNames(metrics.summaries(List.of(id)).getOrDefault(id, List.of())));
        body.put("stepsPerEpoch", experiment.stepsPerEpoch().orElse(null));
        ctx.json(body);
    }

    /** The newest lines of text the run reported, oldest of them first. */
    void texts(Context ctx) {
        long id = Ids.experimentId(ctx);
        experiments.get(id);
        int limit = Ids.positive(ctx, "limit", DEFAULT_TEXTS, MAX_TEXTS);
        ctx.json(Map.of("texts", metrics.texts(id, limit)));
    }

    void cancel(Context ctx) {
        ctx.json(view(experiments.cancel(Ids.experimentId(ctx)), false));
    }

    void predict(Context ctx) {
        JsonNode body = JsonBodies.object(ctx, json.mapper());
        Map<String, Object> input = new LinkedHashMap<>();
        body.fields().forEachRemaining(e -> input.put(e.getKey(), JsonBodies.scalar(e.getKey(), e.getValue())));
        Prediction answer = experiments.predict(Ids.experimentId(ctx), input);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("text", answer.text());
        out.put("values", answer.values());
        out.put("views", json.viewsTree(answer.views()));
        ctx.json(out);
    }

    private Map<String, Object> view(Experiment e, boolean withViews) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.id());
        out.put("name", e.name());
        out.put("plugin", e.pluginId());
        out.put("pluginVersion", e.pluginVersion());
        out.put("dataset", e.datasetId());
        out.put("status", e.status().name());
        out.put("error", e.error().orElse(null));
        out.put("device", e.device());
        out.put("seed", e.seed());
        out.put("params", json.readObject(e.paramsJson()));
        out.put("summary", json.readObject(e.summaryJson().orElse(null)));
        out.put("progress", Map.of("done", e.progressDone(), "total", e.progressTotal()));
        out.put("createdAt", e.createdAt());
        out.put("startedAt", e.startedAt().orElse(null));
        out.put("finishedAt", e.finishedAt().orElse(null));
        out.put("tags", e.tags());
        out.put("notes", e.notes());
        if (withViews && e.status() == ExperimentStatus.SUCCEEDED) {
            try {
                out.put("views", json.mapper().readTree(experiments.viewsJson(e.id())));
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException("stored views of experiment " + e.id() + " are not valid JSON", ex);
            }
        } else if (withViews) {
            out.put("views", List.of());
        }
        return out;
    }

}
