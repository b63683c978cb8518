package dev.lectern.server.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.plugin.api.Prediction;
import dev.lectern.server.ConflictException;
import dev.lectern.server.Json;
import dev.lectern.server.access.Viewer;
import dev.lectern.server.http.Ids;
import dev.lectern.server.http.JsonBodies;
import dev.lectern.server.http.PageOf;
import dev.lectern.server.metrics.ChartOrder;
import dev.lectern.server.metrics.MetricSummary;
import dev.lectern.server.metrics.MetricsRepository;
import dev.lectern.server.plugin.PluginManager;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A run's JSON API: create, list, read, label, cancel, predict, delete, download. */
public final class ExperimentApiController {

    private static final int DEFAULT_TEXTS = 200;
    private static final int MAX_TEXTS = 10_000;

    private static final int DEFAULT_MAX_POINTS = 5000;

    private final ExperimentService experiments;
    private final MetricsRepository metrics;
    private final PluginManager plugins;
    private final Json json;

    public ExperimentApiController(
            ExperimentService experiments, MetricsRepository metrics, PluginManager plugins, Json json) {
        this.experiments = experiments;
        this.metrics = metrics;
        this.plugins = plugins;
        this.json = json;
    }

    public void create(Context ctx) {
        JsonNode body = JsonBodies.object(ctx, json.mapper());
        Map<String, Object> params = params(body);
        Experiment created = experiments.create(new NewExperiment(
                        JsonBodies.text(body, "plugin"),
                        JsonBodies.text(body, "dataset"),
                        params,
                        JsonBodies.text(body, "name"),
                        JsonBodies.text(body, "device"))
                .ownedBy(Viewer.of(ctx).name()));
        ctx.status(HttpStatus.CREATED).json(view(created, false));
    }

    public void list(Context ctx) {
        int page = Ids.positive(ctx, "page", 1, 1_000_000);
        int size = Ids.positive(ctx, "size", 20, 200);
        RunQuery query = RunQueries.query(ctx, (page - 1) * size, size);
        List<Experiment> found = experiments.search(query);
        var summaries = metrics.summaries(found.stream().map(Experiment::id).toList());
        List<ExperimentListItem> items = found.stream()
                .map(e -> new ExperimentListItem(view(e, false), summaries.getOrDefault(e.id(), List.of())))
                .toList();
        ctx.json(new PageOf<>(items, experiments.count(query), page, size));
    }

    public void get(Context ctx) {
        ctx.json(view(experiments.get(Ids.experimentId(ctx)), true));
    }

    public void metrics(Context ctx) {
        long id = Ids.experimentId(ctx);
        Experiment experiment = experiments.get(id);
        int maxPoints = Ids.positive(ctx, "maxPoints", DEFAULT_MAX_POINTS, 1_000_000);
        // Per-epoch metrics keep the epoch as their x; with the steps per epoch the page can place them among steps.
        ChartOrder order = ChartOrder.declaredBy(
                plugins.find(experiment.pluginId()).stream().toList());
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        Map<String, List<double[]>> read = metrics.series(id, maxPoints);
        order.sort(read.keySet()).forEach(name -> series.put(name, read.get(name)));
        ctx.json(new MetricsView(
                series,
                MetricSummary.perEpochNames(metrics.summaries(List.of(id)).getOrDefault(id, List.of())),
                experiment.stepsPerEpoch().orElse(null),
                order.declared()));
    }

    /** The newest lines of text the run reported, oldest of them first. */
    public void texts(Context ctx) {
        long id = Ids.experimentId(ctx);
        experiments.get(id);
        int limit = Ids.positive(ctx, "limit", DEFAULT_TEXTS, MAX_TEXTS);
        ctx.json(new TextsView(metrics.texts(id, limit)));
    }

    /**
     * {@code GET /api/experiments/{id}/live-views}: the lesson pictures the run drew from its current parameters while
     * it trains, {@code {"updates":12,"views":[...]}}; {@code {"updates":null,"views":[]}} when it has none (not
     * started, drawn nothing yet, or ended: then the run's own {@code views} hold its model's pictures).
     */
    public void liveViews(Context ctx) throws JsonProcessingException {
        long id = Ids.experimentId(ctx);
        Experiment experiment = experiments.get(id);
        Optional<LiveViewsRepository.Snapshot> snapshot =
                experiment.status() == ExperimentStatus.RUNNING ? experiments.liveViews(id) : Optional.empty();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put(
                "updates", snapshot.map(LiveViewsRepository.Snapshot::updates).orElse(null));
        answer.put(
                "views",
                snapshot.isPresent()
                        ? json.mapper().readTree(snapshot.get().viewsJson())
                        : json.mapper().createArrayNode());
        ctx.json(answer);
    }

    public void cancel(Context ctx) {
        ctx.json(view(experiments.cancel(Ids.experimentId(ctx)), false));
    }

    public void predict(Context ctx) {
        JsonNode body = JsonBodies.object(ctx, json.mapper());
        Map<String, Object> input = new LinkedHashMap<>();
        body.fields().forEachRemaining(e -> input.put(e.getKey(), JsonBodies.scalar(e.getKey(), e.getValue())));
        Prediction answer = experiments.predict(Ids.experimentId(ctx), input);
        ctx.json(new PredictionView(answer.text(), answer.values(), json.viewsTree(answer.views())));
    }

    /**
     * {@code POST /api/experiments/{id}/gradient-check}: backpropagation against central differences on the run's
     * saved model, as {@code {"rows":[{"parameter","analytic","numeric","relativeError","passed"}],"passed"}}.
     */
    public void gradientCheck(Context ctx) {
        long id = Ids.experimentId(ctx);
        ctx.json(GradientCheckView.of(id, experiments.gradientCheck(id)));
    }

    /**
     * {@code POST /api/experiments/{id}/control}: {@code {"action":"pause"}}, {@code {"action":"resume"}},
     * {@code {"action":"step","n":3}} and/or {@code {"set":{"learningRate":0.1}}}; answers the run with its events.
     */
    public void control(Context ctx) {
        long id = Ids.experimentId(ctx);
        JsonNode body = JsonBodies.object(ctx, json.mapper());
        for (var names = body.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!Set.of("action", "n", "set").contains(field)) {
                throw new InvalidParameterException(
                        field,
                        "unknown field '" + field + "'; send action (pause, resume, "
                                + "step), n (with step) or set (an object of live parameters)");
            }
        }
        String action = null;
        if (body.has("action")) {
            action = text(body.get("action"), "action");
        }
        long n = 1;
        if (body.has("n")) {
            JsonNode node = body.get("n");
            if (!node.isIntegralNumber() || node.asLong() < 1 || node.asLong() > MAX_SINGLE_STEPS) {
                throw new InvalidParameterException("n", "n must be a whole number from 1 to " + MAX_SINGLE_STEPS);
            }
            if (!"step".equals(action)) {
                throw new InvalidParameterException("n", "n goes with action step");
            }
            n = node.asLong();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        if (body.has("set")) {
            JsonNode set = body.get("set");
            if (!set.isObject()) {
                throw new InvalidParameterException("set", "set must be a JSON object such as {\"learningRate\": 0.1}");
            }
            set.fields().forEachRemaining(e -> values.put(e.getKey(), JsonBodies.scalar(e.getKey(), e.getValue())));
        }
        if (action == null && values.isEmpty()) {
            throw new InvalidParameterException("action", "send an action (pause, resume or step) or set");
        }
        Experiment after = experiments.control(id, action, n, values);
        ctx.json(view(after, false, true));
    }

    /**
     * {@code POST /api/experiments/{id}/branch} {@code {"params":{...}}}: the run again from the same initial weights
     * with the given change, its {@code parent} this run.
     */
    public void branch(Context ctx) {
        JsonNode body = JsonBodies.object(ctx, json.mapper());
        Experiment created = experiments.branch(
                Ids.experimentId(ctx), params(body), Viewer.of(ctx).name());
        ctx.status(HttpStatus.CREATED).json(view(created, false));
    }

    private static Map<String, Object> params(JsonNode body) {
        Map<String, Object> params = new LinkedHashMap<>();
        JsonNode paramsNode = body.path("params");
        if (!paramsNode.isMissingNode() && !paramsNode.isNull()) {
            if (!paramsNode.isObject()) {
                throw new InvalidParameterException("params", "params must be a JSON object");
            }
            paramsNode
                    .fields()
                    .forEachRemaining(e -> params.put(e.getKey(), JsonBodies.scalar(e.getKey(), e.getValue())));
        }
        return params;
    }

    /** The most single steps one request may grant. */
    static final long MAX_SINGLE_STEPS = 100_000;

    private ExperimentView view(Experiment e, boolean withViews) {
        return view(e, withViews, withViews);
    }

    private ExperimentView view(Experiment e, boolean withViews, boolean withEvents) {
        JsonNode views = null;
        if (withViews && e.status() == ExperimentStatus.SUCCEEDED) {
            try {
                views = json.mapper().readTree(experiments.viewsJson(e.id()));
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException("stored views of experiment " + e.id() + " are not valid JSON", ex);
            }
        } else if (withViews) {
            views = json.mapper().createArrayNode();
        }
        return new ExperimentView(
                e.id(),
                e.name(),
                e.pluginId(),
                e.pluginVersion(),
                e.datasetId(),
                e.status().name(),
                e.status() == ExperimentStatus.RUNNING && experiments.paused(e.id()),
                e.error().orElse(null),
                e.device(),
                e.seed(),
                json.readObject(e.paramsJson()),
                json.readObject(e.summaryJson().orElse(null)),
                new ExperimentView.Progress(e.progressDone(), e.progressTotal()),
                e.createdAt(),
                e.startedAt().orElse(null),
                e.finishedAt().orElse(null),
                e.tags(),
                e.notes(),
                e.owner().orElse(null),
                e.worker().orElse(null),
                e.parent().orElse(null),
                withEvents ? experiments.waitingReason(e).orElse(null) : null,
                withEvents ? experiments.events(e.id()) : null,
                views);
    }

    /** {@code PATCH /api/experiments/{id}}: any of name, tags (a list or a comma list) and notes. */
    public void describe(Context ctx) {
        long id = Ids.experimentId(ctx);
        Experiment before = experiments.get(id);
        JsonNode body = JsonBodies.object(ctx, json.mapper());
        for (var names = body.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!Set.of("name", "tags", "notes").contains(field)) {
                throw new InvalidParameterException(field, "unknown field '" + field + "'; send name, tags or notes");
            }
        }
        String name = body.has("name") ? text(body.get("name"), "name") : before.name();
        String tags = body.has("tags") ? tags(body.get("tags")) : String.join(",", before.tags());
        String notes = body.has("notes") ? text(body.get("notes"), "notes") : before.notes();
        Experiment after = experiments.describe(id, name, tags, notes);
        ctx.json(new RunLabelsView(after.id(), after.name(), after.tags(), after.notes()));
    }

    /** {@code DELETE /api/experiments/{id}}. */
    public void delete(Context ctx) {
        experiments.delete(Ids.experimentId(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /** {@code GET /api/experiments/{id}/artifacts.zip}: the saved model and views, checked against their checksums. */
    public void artifacts(Context ctx) throws IOException {
        long id = Ids.experimentId(ctx);
        experiments.get(id);
        // Checked before the first byte goes out, so a damaged file is an error answer, not a broken download.
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try {
            experiments.writeArtifactZip(id, zip);
        } catch (IOException e) {
            throw new ConflictException(e.getMessage());
        }
        ctx.contentType("application/zip");
        ctx.header("Content-Disposition", "attachment; filename=\"experiment-" + id + ".zip\"");
        ctx.result(zip.toByteArray());
    }

    private static String text(JsonNode node, String field) {
        if (!node.isTextual()) {
            throw new InvalidParameterException(field, field + " must be a string");
        }
        return node.asText();
    }

    private static String tags(JsonNode node) {
        if (node.isArray()) {
            List<String> tags = new ArrayList<>();
            node.forEach(t -> tags.add(text(t, "tags").replace(",", " ")));
            return String.join(",", tags);
        }
        return text(node, "tags");
    }
}
