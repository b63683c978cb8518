package dev.lectern.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.server.Json;
import dev.lectern.server.experiment.Experiment;
import dev.lectern.server.experiment.ExperimentService;
import dev.lectern.server.experiment.RunQuery;
import dev.lectern.server.metrics.MetricSummary;
import dev.lectern.server.metrics.MetricsRepository;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The history of runs: renaming, tagging, notes, deleting, exporting, downloading saved models, comparing. */
final class HistoryController {

    /** The most runs one export holds; a filter narrows a larger history. */
    static final int MAX_EXPORT = 10_000;
    static final int MAX_COMPARE = 20;
    private static final int COMPARE_POINTS = 2_000;

    private final ExperimentService experiments;
    private final MetricsRepository metrics;
    private final Json json;

    HistoryController(ExperimentService experiments, MetricsRepository metrics, Json json) {
        this.experiments = experiments;
        this.metrics = metrics;
        this.json = json;
    }

    /** {@code PATCH /api/experiments/{id}}: any of name, tags (a list or a comma list) and notes. */
    void describe(Context ctx) {
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
        ctx.json(Map.of("id", after.id(), "name", after.name(), "tags", after.tags(), "notes", after.notes()));
    }

    /** {@code POST /experiments/{id}/describe}: the experiment page's form. */
    void describeForm(Context ctx) {
        long id = Ids.experimentId(ctx);
        experiments.describe(id, ctx.formParam("name"), ctx.formParam("tags"), ctx.formParam("notes"));
        ctx.redirect("/experiments/" + id, HttpStatus.SEE_OTHER);
    }

    /** {@code DELETE /api/experiments/{id}}. */
    void delete(Context ctx) {
        experiments.delete(Ids.experimentId(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /** {@code POST /experiments/{id}/delete}: the experiment page's form, after the browser's confirmation. */
    void deleteForm(Context ctx) {
        experiments.delete(Ids.experimentId(ctx));
        ctx.redirect("/experiments", HttpStatus.SEE_OTHER);
    }

    /** {@code GET /api/experiments/{id}/artifacts.zip}: the saved model and views, checked against their checksums. */
    void artifacts(Context ctx) throws IOException {
        long id = Ids.experimentId(ctx);
        experiments.get(id);
        // Checked before the first byte goes out, so a damaged file is an error answer, not a broken download.
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try {
            experiments.writeArtifactZip(id, zip);
        } catch (IOException e) {
            throw new dev.lectern.server.ConflictException(e.getMessage());
        }
        ctx.contentType("application/zip");
        ctx.header("Content-Disposition", "attachment; filename=\"experiment-" + id + ".zip\"");
        ctx.result(zip.toByteArray());
    }

    /** {@code GET /api/experiments/export.json}: the selected runs with params, summary and metrics in long format. */
    void exportJson(Context ctx) throws IOException {
        List<Experiment> runs = selection(ctx);
        ctx.contentType("application/json");
        ctx.header("Content-Disposition", "attachment; filename=\"experiments.json\"");
        Map<Long, List<MetricSummary>> summaries = metrics.summaries(runs.stream().map(Experiment::id).toList());
        // Streamed run by run: an export of thousands of runs holds one run's points in memory, not all of them.
        try (JsonGenerator out = json.mapper().getFactory().createGenerator(ctx.outputStream())) {
            out.writeStartObject();
            out.writeArrayFieldStart("experiments");
            for (Experiment e : runs) {
                Map<String, Object> item = runFields(e);
                item.put("params", json.readObject(e.paramsJson()));
                item.put("summary", json.readObject(e.summaryJson().orElse(null)));
                item.put("metricSummaries", summaries.getOrDefault(e.id(), List.of()));
                out.writeStartObject();
                for (Map.Entry<String, Object> field : item.entrySet()) {
                    out.writeFieldName(field.getKey());
                    json.mapper().writeValue(out, field.getValue());
                }
                out.writeArrayFieldStart("metrics");
                Set<String> perEpoch = MetricSummary.perEpochNames(summaries.getOrDefault(e.id(), List.of()));
                for (Map.Entry<String, List<double[]>> series : metrics.series(e.id(), Integer.MAX_VALUE).entrySet()) {
                    String unit = perEpoch.contains(series.getKey()) ? "epoch" : "step";
                    for (double[] p : series.getValue()) {
                        out.writeStartObject();
                        out.writeStringField("name", series.getKey());
                        out.writeNumberField("step", (long) p[0]);
                        out.writeStringField("unit", unit);
                        out.writeNumberField("value", p[1]);
                        out.writeEndObject();
                    }
                }
                out.writeEndArray();
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
    }

    /** {@code GET /api/experiments/export.csv}: one row per run, params and summary flattened into columns. */
    void exportCsv(Context ctx) throws IOException {
        List<Experiment> runs = selection(ctx);
        Set<String> params = new LinkedHashSet<>();
        Set<String> summary = new LinkedHashSet<>();
        List<Map<String, Object>> paramValues = new ArrayList<>();
        List<Map<String, Object>> summaryValues = new ArrayList<>();
        for (Experiment e : runs) {
            Map<String, Object> p = json.readObject(e.paramsJson());
            Map<String, Object> s = json.readObject(e.summaryJson().orElse(null));
            params.addAll(p.keySet());
            summary.addAll(s.keySet());
            paramValues.add(p);
            summaryValues.add(s);
        }
        List<String> header = new ArrayList<>(List.of("id", "name", "plugin", "dataset", "status", "created_at",
                "started_at", "finished_at", "tags", "notes"));
        params.forEach(p -> header.add("param." + p));
        summary.forEach(s -> header.add("summary." + s));
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"experiments.csv\"");
        StringBuilder out = new StringBuilder();
        Csv.row(out, header);
        for (int i = 0; i < runs.size(); i++) {
            Experiment e = runs.get(i);
            List<String> cells = new ArrayList<>(List.of(Long.toString(e.id()), e.name(), e.pluginId(), e.datasetId(),
                    e.status().name(), e.createdAt().toString(), e.startedAt().map(Object::toString).orElse(""),
                    e.finishedAt().map(Object::toString).orElse(""), String.join(";", e.tags()), e.notes()));
            for (String p : params) {
                cells.add(Csv.value(paramValues.get(i).get(p)));
            }
            for (String s : summary) {
                cells.add(Csv.value(summaryValues.get(i).get(s)));
            }
            Csv.row(out, cells);
        }
        ctx.result(out.toString());
    }

    /** {@code GET /api/experiments/metrics.csv}: every point of the selected runs, one per line. */
    void exportMetrics(Context ctx) throws IOException {
        List<Experiment> runs = selection(ctx);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"metrics.csv\"");
        OutputStream stream = ctx.outputStream();
        Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        StringBuilder line = new StringBuilder();
        // unit says what the step column counts: optimizer steps, or epochs for metrics measured once per epoch.
        Csv.row(line, List.of("experiment_id", "name", "step", "value", "unit"));
        writer.write(line.toString());
        Map<Long, List<MetricSummary>> summaries = metrics.summaries(runs.stream().map(Experiment::id).toList());
        for (Experiment e : runs) {
            Set<String> perEpoch = MetricSummary.perEpochNames(summaries.getOrDefault(e.id(), List.of()));
            for (Map.Entry<String, List<double[]>> series : metrics.series(e.id(), Integer.MAX_VALUE).entrySet()) {
                String unit = perEpoch.contains(series.getKey()) ? "epoch" : "step";
                for (double[] p : series.getValue()) {
                    line.setLength(0);
                    Csv.row(line, List.of(Long.toString(e.id()), series.getKey(), Long.toString((long) p[0]),
                            Csv.value(p[1]), unit));
                    writer.write(line.toString());
                }
            }
        }
        writer.flush();
    }

    /**
     * {@code GET /api/compare?ids=1,2}: for 2 to 20 runs, their params (and which differ), metric summaries, and each
     * shared metric's curves downsampled to a few thousand points per run.
     */
    void compare(Context ctx) {
        List<Experiment> runs = compared(ctx);
        ctx.json(comparison(runs, true));
    }

    /** The runs named by {@code ids}, 2 to 20 of them, each existing. */
    List<Experiment> compared(Context ctx) {
        List<Long> ids = ids(ctx);
        if (ids.size() < 2 || ids.size() > MAX_COMPARE) {
            throw new InvalidParameterException("ids", "select 2 to " + MAX_COMPARE + " experiments to compare, got " + ids.size());
        }
        return ids.stream().map(experiments::get).toList();
    }

    /**
     * The comparison of runs; with {@code withSeries} also each shared metric's downsampled curve per run, read for
     * the runs in parallel (a run's points are one index range, so two cores read two runs at once).
     */
    Map<String, Object> comparison(List<Experiment> runs, boolean withSeries) {
        List<Map<String, Object>> params = runs.stream().map(e -> json.readObject(e.paramsJson())).toList();
        Set<String> allParams = new LinkedHashSet<>();
        params.forEach(p -> allParams.addAll(p.keySet()));
        List<String> differing = allParams.stream().filter(name -> params.stream()
                .map(p -> String.valueOf(p.get(name))).distinct().count() > 1).toList();
        Map<Long, List<MetricSummary>> summaries = metrics.summaries(runs.stream().map(Experiment::id).toList());
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
        Set<String> sharedNames = shared == null ? Set.of() : shared;
        List<Map<String, List<double[]>>> curves = withSeries
                ? runs.parallelStream().map(e -> metrics.series(e.id(), COMPARE_POINTS, sharedNames)).toList()
                : List.of();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Experiment e = runs.get(i);
            Map<String, Object> item = runFields(e);
            item.put("params", params.get(i));
            item.put("label", label(e, params.get(i), differing));
            item.put("metrics", summaries.getOrDefault(e.id(), List.of()));
            if (withSeries) {
                item.put("series", curves.get(i));
            }
            items.add(item);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("experiments", items);
        out.put("differingParams", differing);
        out.put("sharedMetrics", shared == null ? List.of() : List.copyOf(shared));
        return out;
    }

    // When the runs differ in exactly one parameter, that parameter's value is the best label ("learningRate 0.1").
    private static String label(Experiment e, Map<String, Object> params, List<String> differing) {
        if (differing.size() == 1) {
            return differing.get(0) + " " + Formats.number(params.get(differing.get(0)));
        }
        return "#" + e.id() + " " + e.name();
    }

    private Map<String, Object> runFields(Experiment e) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", e.id());
        item.put("name", e.name());
        item.put("plugin", e.pluginId());
        item.put("dataset", e.datasetId());
        item.put("status", e.status().name());
        item.put("tags", e.tags());
        item.put("notes", e.notes());
        item.put("createdAt", e.createdAt());
        item.put("startedAt", e.startedAt().orElse(null));
        item.put("finishedAt", e.finishedAt().orElse(null));
        item.put("stepsPerEpoch", e.stepsPerEpoch().orElse(null));
        return item;
    }


    /** The runs an export holds: those named by {@code ids}, else those the table's filters match (newest first). */
    private List<Experiment> selection(Context ctx) {
        List<Long> ids = ids(ctx);
        if (!ids.isEmpty()) {
            if (ids.size() > MAX_EXPORT) {
                throw new InvalidParameterException("ids", "at most " + MAX_EXPORT + " experiments per export");
            }
            return ids.stream().map(experiments::get).toList();
        }
        RunQuery query = RunQueries.query(ctx, 0, MAX_EXPORT);
        return experiments.search(query);
    }

    /** Ids from {@code ids=1,2,3} or repeated {@code ids=1&ids=2}. */
    static List<Long> ids(Context ctx) {
        List<Long> ids = new ArrayList<>();
        for (String value : ctx.queryParams("ids")) {
            for (String part : value.split(",")) {
                String p = part.strip();
                if (p.isEmpty()) {
                    continue;
                }
                try {
                    long id = Long.parseLong(p);
                    if (id < 1) {
                        throw new NumberFormatException();
                    }
                    if (!ids.contains(id)) {
                        ids.add(id);
                    }
                } catch (NumberFormatException e) {
                    throw new InvalidParameterException("ids", "ids must be experiment numbers separated by commas, got '"
                            + (p.length() > 20 ? p.substring(0, 20) + "…" : p) + "'");
                }
            }
        }
        return ids;
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
