package dev.lectern.server.http;

import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.server.metrics.MetricSummary;
import dev.lectern.web.Templates;
import dev.lectern.web.page.ComparePage.CompareCell;
import dev.lectern.web.page.ComparePage.CompareMetricRow;
import dev.lectern.web.page.ComparePage.CompareRow;
import dev.lectern.web.page.ComparePage.CompareRun;
import dev.lectern.web.page.ComparePage;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code GET /compare?ids=…}: a comparison a person can share by its URL. */
final class ComparePageController {

    private final HistoryController history;
    private final Templates templates;

    ComparePageController(HistoryController history, Templates templates) {
        this.history = history;
        this.templates = templates;
    }

    @SuppressWarnings("unchecked")
    void page(Context ctx) {
        Map<String, Object> data;
        try {
            data = history.comparison(history.compared(ctx), false);
        } catch (InvalidParameterException e) {
            ctx.status(HttpStatus.BAD_REQUEST).html(templates.render("compare.jte",
                    new ComparePage("", List.of(), List.of(), List.of(), e.getMessage())));
            return;
        }
        List<Map<String, Object>> items = (List<Map<String, Object>>) data.get("experiments");
        List<String> differing = (List<String>) data.get("differingParams");
        List<CompareRun> runs = new ArrayList<>();
        Set<String> paramNames = new LinkedHashSet<>();
        Set<String> metricNames = new LinkedHashSet<>();
        for (Map<String, Object> item : items) {
            runs.add(new CompareRun((Long) item.get("id"), (String) item.get("name"), (String) item.get("label"),
                    (String) item.get("status")));
            paramNames.addAll(((Map<String, Object>) item.get("params")).keySet());
            ((List<MetricSummary>) item.get("metrics")).forEach(m -> metricNames.add(m.name()));
        }
        List<CompareRow> params = new ArrayList<>();
        for (String name : paramNames) {
            List<String> values = items.stream().map(i -> ((Map<String, Object>) i.get("params")).get(name))
                    .map(v -> v == null ? "" : Formats.number(v)).toList();
            params.add(new CompareRow(name, values, differing.contains(name)));
        }
        // Rows that differ first: they are what the comparison is about.
        params.sort((a, b) -> Boolean.compare(b.differs(), a.differs()));
        List<CompareMetricRow> metrics = new ArrayList<>();
        for (String name : metricNames) {
            boolean higher = MetricSummary.higherIsBetter(name);
            List<MetricSummary> found = items.stream().map(i -> ((List<MetricSummary>) i.get("metrics")).stream()
                    .filter(m -> m.name().equals(name)).findFirst().orElse(null)).toList();
            Double winner = found.stream().filter(m -> m != null && m.bestValue() != null).map(MetricSummary::bestValue)
                    .reduce((a, b) -> higher ? Math.max(a, b) : Math.min(a, b)).orElse(null);
            List<CompareCell> cells = new ArrayList<>();
            for (int k = 0; k < found.size(); k++) {
                MetricSummary m = found.get(k);
                Optional<Long> stepsPerEpoch = Optional.ofNullable((Long) items.get(k).get("stepsPerEpoch"));
                cells.add(m == null ? new CompareCell("", "", false) : new CompareCell(Formats.number(m.lastValue()),
                        m.bestValue() == null ? "" : Formats.number(m.bestValue()) + " @ " + Formats.bestAt(m, stepsPerEpoch),
                        winner != null && m.bestValue() != null && m.bestValue().doubleValue() == winner));
            }
            metrics.add(new CompareMetricRow(name, higher, cells));
        }
        String ids = runs.stream().map(r -> Long.toString(r.id())).collect(Collectors.joining(","));
        ctx.html(templates.render("compare.jte", new ComparePage(ids, runs, params, metrics, "")));
    }
}
