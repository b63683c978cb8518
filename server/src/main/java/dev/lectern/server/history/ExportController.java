package dev.lectern.server.history;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.server.Json;
import dev.lectern.server.access.Viewer;
import dev.lectern.server.experiment.Experiment;
import dev.lectern.server.experiment.ExperimentService;
import dev.lectern.server.experiment.RunFacts;
import dev.lectern.server.experiment.RunQueries;
import dev.lectern.server.experiment.RunQuery;
import dev.lectern.server.http.Ids;
import dev.lectern.server.metrics.MetricSummary;
import dev.lectern.server.metrics.MetricsRepository;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Exports of the runs table: the selected runs as CSV or JSON, and their metrics in long format. */
public final class ExportController {

    /** The most runs one export holds; a filter narrows a larger history. */
    public static final int MAX_EXPORT = 10_000;

    public static final int MAX_COMPARE = 20;
    private static final int COMPARE_POINTS = 2_000;

    private final ExperimentService experiments;
    private final MetricsRepository metrics;
    private final Json json;

    public ExportController(ExperimentService experiments, MetricsRepository metrics, Json json) {
        this.experiments = experiments;
        this.metrics = metrics;
        this.json = json;
    }

    /** {@code GET /api/experiments/export.json}: the selected runs with params, summary and metrics in long format. */
    public void exportJson(Context ctx) throws IOException {
        List<Experiment> runs = selection(ctx);
        ctx.contentType("application/json");
        ctx.header("Content-Disposition", "attachment; filename=\"experiments.json\"");
        Map<Long, List<MetricSummary>> summaries =
                metrics.summaries(runs.stream().map(Experiment::id).toList());
        // Streamed run by run: an export of thousands of runs holds one run's points in memory, not all of them.
        try (JsonGenerator out = json.mapper().getFactory().createGenerator(ctx.outputStream())) {
            out.writeStartObject();
            out.writeArrayFieldStart("experiments");
            for (Experiment e : runs) {
                ExportedRun item = new ExportedRun(
                        RunFacts.of(e),
                        json.readObject(e.paramsJson()),
                        json.readObject(e.summaryJson().orElse(null)),
                        summaries.getOrDefault(e.id(), List.of()));
                out.writeStartObject();
                // The run's own fields first, then its points streamed one by one.
                for (var field = json.mapper().valueToTree(item).fields(); field.hasNext(); ) {
                    var f = field.next();
                    out.writeFieldName(f.getKey());
                    json.mapper().writeTree(out, f.getValue());
                }
                out.writeArrayFieldStart("metrics");
                Set<String> perEpoch = MetricSummary.perEpochNames(summaries.getOrDefault(e.id(), List.of()));
                for (Map.Entry<String, List<double[]>> series :
                        metrics.series(e.id(), Integer.MAX_VALUE).entrySet()) {
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
    public void exportCsv(Context ctx) throws IOException {
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
        List<String> header = new ArrayList<>(List.of(
                "id",
                "name",
                "plugin",
                "dataset",
                "status",
                "created_at",
                "started_at",
                "finished_at",
                "tags",
                "notes"));
        params.forEach(p -> header.add("param." + p));
        summary.forEach(s -> header.add("summary." + s));
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"experiments.csv\"");
        StringBuilder out = new StringBuilder();
        Csv.row(out, header);
        for (int i = 0; i < runs.size(); i++) {
            Experiment e = runs.get(i);
            List<String> cells = new ArrayList<>(List.of(
                    Long.toString(e.id()),
                    e.name(),
                    e.pluginId(),
                    e.datasetId(),
                    e.status().name(),
                    e.createdAt().toString(),
                    e.startedAt().map(Object::toString).orElse(""),
                    e.finishedAt().map(Object::toString).orElse(""),
                    String.join(";", e.tags()),
                    e.notes()));
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
    public void exportMetrics(Context ctx) throws IOException {
        List<Experiment> runs = selection(ctx);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"metrics.csv\"");
        OutputStream stream = ctx.outputStream();
        Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        StringBuilder line = new StringBuilder();
        // unit says what the step column counts: optimizer steps, or epochs for metrics measured once per epoch.
        Csv.row(line, List.of("experiment_id", "name", "step", "value", "unit"));
        writer.write(line.toString());
        Map<Long, List<MetricSummary>> summaries =
                metrics.summaries(runs.stream().map(Experiment::id).toList());
        for (Experiment e : runs) {
            Set<String> perEpoch = MetricSummary.perEpochNames(summaries.getOrDefault(e.id(), List.of()));
            for (Map.Entry<String, List<double[]>> series :
                    metrics.series(e.id(), Integer.MAX_VALUE).entrySet()) {
                String unit = perEpoch.contains(series.getKey()) ? "epoch" : "step";
                for (double[] p : series.getValue()) {
                    line.setLength(0);
                    Csv.row(
                            line,
                            List.of(
                                    Long.toString(e.id()),
                                    series.getKey(),
                                    Long.toString((long) p[0]),
                                    Csv.value(p[1]),
                                    unit));
                    writer.write(line.toString());
                }
            }
        }
        writer.flush();
    }

    /** The runs an export holds: those named by {@code ids}, else those the table's filters match (newest first). */
    private List<Experiment> selection(Context ctx) {
        List<Long> ids = Ids.list(ctx, "ids");
        if (!ids.isEmpty()) {
            if (ids.size() > MAX_EXPORT) {
                throw new InvalidParameterException("ids", "at most " + MAX_EXPORT + " experiments per export");
            }
            return ids.stream()
                    .map(id -> experiments.visible(id, Viewer.of(ctx)))
                    .toList();
        }
        RunQuery query = RunQueries.query(ctx, 0, MAX_EXPORT);
        return experiments.search(query);
    }
}
