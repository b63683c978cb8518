package dev.lectern.server.http;

import dev.lectern.datasets.DatasetService;
import dev.lectern.datasets.DatasetSpec;
import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.server.ConflictException;
import dev.lectern.server.NotFoundException;
import dev.lectern.server.experiment.Experiment;
import dev.lectern.server.experiment.ExperimentService;
import dev.lectern.server.experiment.ExperimentStatus;
import dev.lectern.server.experiment.NewExperiment;
import dev.lectern.server.experiment.RunQuery;
import dev.lectern.server.metrics.MetricsRepository;
import dev.lectern.server.plugin.PluginManager;
import dev.lectern.web.Templates;
import dev.lectern.web.page.DashboardPage;
import dev.lectern.web.page.ExperimentRow;
import dev.lectern.web.page.KeyValue;
import dev.lectern.web.page.Pager;
import dev.lectern.web.page.PluginListPage;
import dev.lectern.web.page.PluginPage;
import dev.lectern.web.page.PluginRow;
import dev.lectern.web.page.RunFilters;
import dev.lectern.web.page.RunRow;
import dev.lectern.web.page.RunsPage;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Server-rendered pages. The forms work without JavaScript; the experiment page adds live charts with it. */
final class PageController {

    private static final int PAGE_SIZE = 20;

    private final ExperimentService experiments;
    private final MetricsRepository metrics;
    private final PluginManager plugins;
    private final DatasetService datasets;
    private final Templates templates;
    private final PageModels models;

    PageController(ExperimentService experiments, MetricsRepository metrics, PluginManager plugins, DatasetService datasets,
            Templates templates, PageModels models) {
        this.experiments = experiments;
        this.metrics = metrics;
        this.plugins = plugins;
        this.datasets = datasets;
        this.templates = templates;
        this.models = models;
    }

    void dashboard(Context ctx) {
        var cards = plugins.statuses().stream().map(s -> PageModels.card(s, plugins)).toList();
        ctx.html(templates.render("dashboard.jte", new DashboardPage(cards, rows(experiments.page(Optional.empty(), 1, 10)))));
    }

    void plugins(Context ctx) {
        List<PluginRow> rows = plugins.statuses().stream().map(s -> PageModels.pluginRow(s, plugins)).toList();
        ctx.html(templates.render("plugins/index.jte", new PluginListPage(rows)));
    }

    void rescan(Context ctx) {
        plugins.rescan();
        ctx.redirect("/plugins", HttpStatus.SEE_OTHER);
    }

    void plugin(Context ctx) {
        LecturePlugin plugin = plugin(ctx.pathParam("id"));
        List<DatasetSpec> options = datasets.catalog().ofKinds(plugin.datasetKinds());
        String selected = Optional.ofNullable(ctx.queryParam("dataset"))
                .filter(id -> options.stream().anyMatch(s -> s.id().equals(id)))
                .orElse(options.isEmpty() ? "" : options.get(0).id());
        Map<String, Object> values = new HashMap<>();
        options.stream().filter(s -> s.id().equals(selected)).findFirst()
                .ifPresent(spec -> values.putAll(plugin.defaultsFor(spec.info())));
        ctx.html(templates.render("plugins/show.jte", pluginPage(plugin, options, selected, values, null, null, "")));
    }

    void run(Context ctx) {
        LecturePlugin plugin = plugin(ctx.pathParam("id"));
        Map<String, Object> submitted = new LinkedHashMap<>();
        for (ParamSpec spec : plugin.hyperParameters()) {
            String value = ctx.formParam(spec.name());
            if (value != null) {
                submitted.put(spec.name(), value);
            }
        }
        String dataset = ctx.formParam("dataset");
        String name = ctx.formParam("name");
        try {
            Experiment created = experiments.create(new NewExperiment(plugin.descriptor().id(), dataset, submitted, name,
                    ctx.formParam("device")));
            ctx.redirect("/experiments/" + created.id(), HttpStatus.SEE_OTHER);
        } catch (InvalidParameterException e) {
            List<DatasetSpec> options = datasets.catalog().ofKinds(plugin.datasetKinds());
            ctx.status(HttpStatus.BAD_REQUEST).html(templates.render("plugins/show.jte",
                    pluginPage(plugin, options, dataset == null ? "" : dataset, submitted, e.field(), e.getMessage(),
                            name == null ? "" : name)));
        }
    }

    void experiments(Context ctx) {
        int page = Ids.positive(ctx, "page", 1, 1_000_000);
        RunFilters filters = RunQueries.filters(ctx);
        String error = "";
        RunQuery query;
        try {
            query = RunQueries.query(ctx, 0, PAGE_SIZE);
        } catch (InvalidParameterException e) {
            error = e.getMessage();
            query = RunQuery.newest(0, PAGE_SIZE);
            filters = new RunFilters("", "", "", "", "", "id", true);
        }
        long total = experiments.count(query);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(page, pages);
        RunQuery pageQuery = new RunQuery(query.plugin(), query.dataset(), query.status(), query.tag(), query.text(),
                query.sort(), query.descending(), (current - 1) * PAGE_SIZE, PAGE_SIZE);
        List<Experiment> found = experiments.search(pageQuery);
        var summaries = metrics.summaries(found.stream().map(Experiment::id).toList());
        Map<String, String> titles = pluginTitles();
        List<RunRow> rows = found.stream().map(e -> models.runRow(e, titles, summaries.getOrDefault(e.id(), List.of()),
                plugins.find(e.pluginId()).map(LecturePlugin::hyperParameters).orElse(List.of()))).toList();
        List<KeyValue> pluginOptions = plugins.plugins().stream()
                .map(p -> new KeyValue(p.descriptor().id(), p.descriptor().title())).toList();
        List<String> datasetOptions = datasets.catalog().all().stream().map(DatasetSpec::id).toList();
        List<String> statuses = java.util.Arrays.stream(ExperimentStatus.values()).map(Enum::name).toList();
        if (!error.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
        }
        ctx.html(templates.render("experiments/index.jte", new RunsPage(rows,
                new Pager(current, pages, total, filters.url()), filters, pluginOptions, datasetOptions, statuses,
                metrics.metricNames(), error)));
    }

    void experiment(Context ctx) {
        Experiment e = experiments.get(Ids.experimentId(ctx));
        ctx.html(templates.render("experiments/show.jte",
                models.page(e, pluginTitle(e), experiments.predictInputs(e.id()), Map.of(), null, "", null)));
    }

    /** The predict form without JavaScript: answer on the experiment page, or show the refused field. */
    void predict(Context ctx) {
        Experiment e = experiments.get(Ids.experimentId(ctx));
        List<ParamSpec> inputs = experiments.predictInputs(e.id());
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec spec : inputs) {
            String value = ctx.formParam(spec.name());
            if (value != null) {
                values.put(spec.name(), value);
            }
        }
        try {
            String answer = experiments.predict(e.id(), values).text();
            ctx.html(templates.render("experiments/show.jte", models.page(e, pluginTitle(e), inputs, values, null, answer, null)));
        } catch (InvalidParameterException invalid) {
            ctx.status(HttpStatus.BAD_REQUEST).html(templates.render("experiments/show.jte",
                    models.page(e, pluginTitle(e), inputs, values, invalid.field(), "", invalid.getMessage())));
        } catch (ConflictException conflict) {
            ctx.status(HttpStatus.CONFLICT).html(templates.render("experiments/show.jte",
                    models.page(e, pluginTitle(e), inputs, values, null, "", conflict.getMessage())));
        }
    }

    private String pluginTitle(Experiment e) {
        return plugins.find(e.pluginId()).map(p -> p.descriptor().title()).orElse(e.pluginId());
    }

    void cancel(Context ctx) {
        long id = Ids.experimentId(ctx);
        try {
            experiments.cancel(id);
        } catch (ConflictException alreadyFinished) {
            // The page shows the final status; nothing else to say.
        }
        ctx.redirect("/experiments/" + id, HttpStatus.SEE_OTHER);
    }

    private PluginPage pluginPage(LecturePlugin plugin, List<DatasetSpec> options, String selected, Map<String, ?> values,
            String errorField, String error, String name) {
        boolean datasetError = "dataset".equals(errorField);
        boolean fieldError = errorField != null && plugin.hyperParameters().stream().anyMatch(s -> s.name().equals(errorField));
        String formError = error != null && !datasetError && !fieldError ? error : "";
        List<ExperimentRow> recent = rows(experiments.page(Optional.of(plugin.descriptor().id()), 1, 10));
        return new PluginPage(PageModels.card(plugin), plugin.descriptor().formulas(), plugin.guide(),
                PageModels.datasetOptions(options, selected), PageModels.fields(plugin.hyperParameters(), values, errorField, error),
                datasetError ? error : "", formError, name, recent);
    }

    private LecturePlugin plugin(String id) {
        return plugins.find(id).orElseThrow(() -> new NotFoundException("no plugin '" + id + "' is loaded"));
    }

    private Map<String, String> pluginTitles() {
        Map<String, String> titles = new HashMap<>();
        plugins.plugins().forEach(p -> titles.put(p.descriptor().id(), p.descriptor().title()));
        return titles;
    }

    private List<ExperimentRow> rows(List<Experiment> list) {
        Map<String, String> titles = pluginTitles();
        Map<Long, Double> losses = metrics.lastValues(list.stream().map(Experiment::id).toList(), "loss");
        return list.stream().map(e -> models.row(e, titles, losses.get(e.id()))).toList();
    }
}
