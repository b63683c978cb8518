package dev.lectern.server.compare;

import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.server.access.Viewer;
import dev.lectern.server.http.Formats;
import dev.lectern.server.http.Ids;
import dev.lectern.server.metrics.MetricSummary;
import dev.lectern.web.Templates;
import dev.lectern.web.page.ComparePage;
import dev.lectern.web.page.ComparePage.CompareCell;
import dev.lectern.web.page.ComparePage.CompareMetricRow;
import dev.lectern.web.page.ComparePage.CompareRow;
import dev.lectern.web.page.ComparePage.CompareRun;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /api/compare?ids=…} and the page {@code GET /compare?ids=…}, both from the same {@link Comparison}: the
 * page is its display-ready table, the API adds the curves.
 */
public final class CompareController {

    private final CompareService compare;
    private final Templates templates;

    /**
     * Creates the controller.
     *
     * @param compare builds comparisons
     * @param templates renders the page
     */
    public CompareController(CompareService compare, Templates templates) {
        this.compare = compare;
        this.templates = templates;
    }

    /** For 2 to 20 runs: their params (and which differ), metric summaries, and each shared metric's curves. */
    public void api(Context ctx) {
        ctx.json(compare.compare(compare.runs(Ids.list(ctx, "ids"), Viewer.of(ctx)), true));
    }

    /** The comparison a person can share by its address. */
    public void page(Context ctx) {
        Comparison comparison;
        try {
            comparison = compare.compare(compare.runs(Ids.list(ctx, "ids"), Viewer.of(ctx)), false);
        } catch (InvalidParameterException e) {
            ctx.status(HttpStatus.BAD_REQUEST)
                    .html(templates.render(
                            "compare.jte", new ComparePage("", List.of(), List.of(), List.of(), e.getMessage())));
            return;
        }
        ComparePage page = page(comparison);
        String colorBy = ctx.queryParam("colorBy");
        if (colorBy != null && !colorBy.isBlank()) {
            page = colored(page, comparison, colorBy.strip());
            if (!page.colorError().isEmpty()) {
                ctx.status(HttpStatus.BAD_REQUEST);
            }
        }
        ctx.html(templates.render("compare.jte", page));
    }

    /**
     * The page with its curves coloured by one hyperparameter; a name no compared run has is refused with a message
     * beside the control, and the page keeps a colour per run.
     */
    static ComparePage colored(ComparePage page, Comparison comparison, String colorBy) {
        List<Object> values = comparison.experiments().stream()
                .map(run -> run.params().get(colorBy))
                .toList();
        if (values.stream().allMatch(v -> v == null)) {
            String shown = colorBy.length() > 60 ? colorBy.substring(0, 60) + "…" : colorBy;
            return new ComparePage(
                    page.ids(),
                    page.runs(),
                    page.params(),
                    page.metrics(),
                    page.error(),
                    page.colorOptions(),
                    null,
                    "colorBy: none of these runs has a hyperparameter '" + shown + "'");
        }
        return new ComparePage(
                page.ids(),
                page.runs(),
                page.params(),
                page.metrics(),
                page.error(),
                page.colorOptions(),
                CurveColors.of(colorBy, values),
                "");
    }

    static ComparePage page(Comparison comparison) {
        List<Comparison.Run> items = comparison.experiments();
        List<CompareRun> runs = new ArrayList<>();
        Set<String> paramNames = new LinkedHashSet<>();
        Set<String> metricNames = new LinkedHashSet<>();
        for (Comparison.Run item : items) {
            runs.add(new CompareRun(
                    item.facts().id(),
                    item.facts().name(),
                    item.label(),
                    item.facts().status()));
            paramNames.addAll(item.params().keySet());
            item.metrics().forEach(m -> metricNames.add(m.name()));
        }
        List<CompareRow> params = new ArrayList<>();
        for (String name : paramNames) {
            List<String> values = items.stream()
                    .map(i -> i.params().get(name))
                    .map(v -> v == null ? "" : Formats.number(v))
                    .toList();
            params.add(new CompareRow(name, values, comparison.differingParams().contains(name)));
        }
        // Rows that differ first: they are what the comparison is about.
        params.sort((a, b) -> Boolean.compare(b.differs(), a.differs()));
        List<CompareMetricRow> metrics = new ArrayList<>();
        for (String name : metricNames) {
            boolean higher = MetricSummary.higherIsBetter(name);
            List<MetricSummary> found = items.stream()
                    .map(i -> i.metrics().stream()
                            .filter(m -> m.name().equals(name))
                            .findFirst()
                            .orElse(null))
                    .toList();
            Double winner = found.stream()
                    .filter(m -> m != null && m.bestValue() != null)
                    .map(MetricSummary::bestValue)
                    .reduce((a, b) -> higher ? Math.max(a, b) : Math.min(a, b))
                    .orElse(null);
            List<CompareCell> cells = new ArrayList<>();
            for (int k = 0; k < found.size(); k++) {
                MetricSummary m = found.get(k);
                Optional<Long> stepsPerEpoch =
                        Optional.ofNullable(items.get(k).facts().stepsPerEpoch());
                cells.add(
                        m == null
                                ? new CompareCell("", "", false)
                                : new CompareCell(
                                        Formats.number(m.lastValue()),
                                        m.bestValue() == null
                                                ? ""
                                                : Formats.number(m.bestValue()) + " @ "
                                                        + Formats.bestAt(m, stepsPerEpoch),
                                        winner != null
                                                && m.bestValue() != null
                                                && m.bestValue().doubleValue() == winner));
            }
            metrics.add(new CompareMetricRow(name, higher, cells));
        }
        String ids = runs.stream().map(r -> Long.toString(r.id())).collect(Collectors.joining(","));
        // Colour by what differs first: that is what a comparison is usually about.
        List<String> colorOptions = params.stream().map(CompareRow::name).toList();
        return new ComparePage(ids, runs, params, metrics, "", colorOptions, null, "");
    }
}
