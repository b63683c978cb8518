package dev.lectern.server.experiment;

import dev.lectern.datasets.DatasetService;
import dev.lectern.datasets.DatasetSpec;
import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.PluginTexts;
import dev.lectern.server.ConflictException;
import dev.lectern.server.access.Viewer;
import dev.lectern.server.http.Ids;
import dev.lectern.server.http.PageLanguage;
import dev.lectern.server.metrics.MetricsRepository;
import dev.lectern.server.plugin.PluginManager;
import dev.lectern.server.plugin.ResultNames;
import dev.lectern.web.Templates;
import dev.lectern.web.page.KeyValue;
import dev.lectern.web.page.Pager;
import dev.lectern.web.page.RunFilters;
import dev.lectern.web.page.RunGroupHead;
import dev.lectern.web.page.RunRow;
import dev.lectern.web.page.RunsPage;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The runs table and each run's page. The forms work without JavaScript; the run page adds live charts with it. */
public final class ExperimentPageController {

    private static final int PAGE_SIZE = 20;

    private final ExperimentService experiments;
    private final MetricsRepository metrics;
    private final PluginManager plugins;
    private final DatasetService datasets;
    private final Templates templates;
    private final ExperimentViews models;
    private final RecentRuns recent;

    public ExperimentPageController(
            ExperimentService experiments,
            MetricsRepository metrics,
            PluginManager plugins,
            DatasetService datasets,
            Templates templates,
            ExperimentViews models,
            RecentRuns recent) {
        this.experiments = experiments;
        this.metrics = metrics;
        this.plugins = plugins;
        this.datasets = datasets;
        this.templates = templates;
        this.models = models;
        this.recent = recent;
    }

    public void experiments(Context ctx) {
        int page = Ids.positive(ctx, "page", 1, 1_000_000);
        RunFilters filters = RunQueries.filters(ctx);
        String error = "";
        RunQuery query;
        boolean refusedConditions = false;
        try {
            query = RunQueries.query(ctx, 0, PAGE_SIZE);
        } catch (InvalidParameterException e) {
            error = e.getMessage();
            query = RunQuery.newest(0, PAGE_SIZE).ownedBy(Viewer.of(ctx).onlyOwner());
            // A mistyped hyperparameter condition stays in the form to be mended, and no runs are listed as if it
            // had matched them.
            refusedConditions =
                    e.field().equals(ParamCondition.FIELD) || e.field().equals("group");
            if (!refusedConditions) {
                filters = new RunFilters("", "", "", "", "", "id", true);
            }
        }
        long total = refusedConditions ? 0 : experiments.count(query);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(page, pages);
        RunQuery pageQuery = query.page((current - 1) * PAGE_SIZE, PAGE_SIZE);
        List<Experiment> found = refusedConditions ? List.of() : experiments.search(pageQuery);
        Map<Long, RunGroupHead> heads = experiments.groupHeads(pageQuery, found);
        var summaries = metrics.summaries(found.stream().map(Experiment::id).toList());
        Map<String, String> titles = recent.pluginTitles(PageLanguage.locale(ctx));
        List<RunRow> rows = found.stream()
                .map(e -> models.runRow(
                        e,
                        titles,
                        summaries.getOrDefault(e.id(), List.of()),
                        plugins.find(e.pluginId())
                                .map(LecturePlugin::hyperParameters)
                                .orElse(List.of()),
                        Viewer.of(ctx).seesAll()))
                .toList();
        List<KeyValue> pluginOptions = plugins.plugins().stream()
                .map(p -> new KeyValue(
                        p.descriptor().id(),
                        PluginTexts.of(p, PageLanguage.locale(ctx)).title()))
                .toList();
        List<String> datasetOptions =
                datasets.catalog().all().stream().map(DatasetSpec::id).toList();
        List<String> statuses = java.util.Arrays.stream(ExperimentStatus.values())
                .map(Enum::name)
                .toList();
        if (!error.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
        }
        ctx.html(templates.render(
                "experiments/index.jte",
                new RunsPage(
                        rows,
                        new Pager(current, pages, total, filters.url()),
                        filters,
                        pluginOptions,
                        datasetOptions,
                        statuses,
                        metrics.metricNames(),
                        error,
                        groupOptions(filters),
                        heads)));
    }

    /** The hyperparameters to group by: those the plugins declare (the chosen plugin's alone), and the current one. */
    private List<String> groupOptions(RunFilters filters) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        plugins.plugins().stream()
                .filter(p -> filters.plugin().isEmpty() || p.descriptor().id().equals(filters.plugin()))
                .flatMap(p -> p.hyperParameters().stream())
                .filter(spec -> spec.type() != dev.lectern.plugin.api.ParamType.IMAGE)
                .forEach(spec -> names.add(spec.name()));
        if (!filters.group().isEmpty()) {
            names.add(filters.group());
        }
        return names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    public void experiment(Context ctx) {
        Experiment e = experiments.get(Ids.experimentId(ctx));
        ctx.html(templates.render(
                "experiments/show.jte",
                models.page(
                        e,
                        pluginTitle(e),
                        resultNames(e),
                        experiments.waitingReason(e).orElse(""),
                        predictInputs(e),
                        Map.of(),
                        null,
                        "",
                        null)));
    }

    /** The predict form without JavaScript: answer on the experiment page, or show the refused field. */
    public void predict(Context ctx) {
        Experiment e = experiments.get(Ids.experimentId(ctx));
        List<ParamSpec> inputs = predictInputs(e);
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec spec : inputs) {
            String value = ctx.formParam(spec.name());
            if (value != null) {
                values.put(spec.name(), value);
            }
        }
        try {
            String answer = experiments.predict(e.id(), values).text();
            renderPredicted(ctx, HttpStatus.OK, e, inputs, values, null, answer, null);
        } catch (InvalidParameterException invalid) {
            renderPredicted(ctx, HttpStatus.BAD_REQUEST, e, inputs, values, invalid.field(), "", invalid.getMessage());
        } catch (ConflictException conflict) {
            renderPredicted(ctx, HttpStatus.CONFLICT, e, inputs, values, null, "", conflict.getMessage());
        }
    }

    /** The run's page after a Predict: the answer, or the refused field and why. */
    private void renderPredicted(
            Context ctx,
            HttpStatus status,
            Experiment e,
            List<ParamSpec> inputs,
            Map<String, Object> values,
            String field,
            String answer,
            String error) {
        ctx.status(status)
                .html(templates.render(
                        "experiments/show.jte",
                        models.page(
                                e,
                                pluginTitle(e),
                                resultNames(e),
                                experiments.waitingReason(e).orElse(""),
                                inputs,
                                values,
                                field,
                                answer,
                                error)));
    }

    private ResultNames resultNames(Experiment e) {
        return ResultNames.of(plugins.find(e.pluginId()));
    }

    /** The model's inputs, labelled in the language of the page being answered on this thread. */
    private List<ParamSpec> predictInputs(Experiment e) {
        List<ParamSpec> inputs = experiments.predictInputs(e.id());
        return plugins.find(e.pluginId())
                .map(p -> PluginTexts.of(p, PageLanguage.current().locale()).params(inputs))
                .orElse(inputs);
    }

    private String pluginTitle(Experiment e) {
        // The page being answered on this thread decides the language (see PageLanguage).
        return plugins.find(e.pluginId())
                .map(p -> PluginTexts.of(p, PageLanguage.current().locale()).title())
                .orElse(e.pluginId());
    }

    /**
     * {@code POST /experiments/{id}/branch} from the run page's form (one parameter and its new value): the new run
     * and its parent open side by side on the compare page.
     */
    public void branchForm(Context ctx) {
        long id = Ids.experimentId(ctx);
        String name = ctx.formParam("param");
        if (name == null || name.isBlank()) {
            throw new InvalidParameterException("param", "choose the parameter to change");
        }
        Experiment created = experiments.branch(
                id,
                Map.of(name, ctx.formParam("value") == null ? "" : ctx.formParam("value")),
                Viewer.of(ctx).name());
        ctx.redirect("/compare?ids=" + id + "," + created.id(), HttpStatus.SEE_OTHER);
    }

    public void cancel(Context ctx) {
        long id = Ids.experimentId(ctx);
        try {
            experiments.cancel(id);
        } catch (ConflictException alreadyFinished) {
            // The page shows the final status; nothing else to say.
        }
        ctx.redirect("/experiments/" + id, HttpStatus.SEE_OTHER);
    }

    /** {@code POST /experiments/{id}/describe}: the experiment page's form. */
    public void describeForm(Context ctx) {
        long id = Ids.experimentId(ctx);
        experiments.describe(id, ctx.formParam("name"), ctx.formParam("tags"), ctx.formParam("notes"));
        ctx.redirect("/experiments/" + id, HttpStatus.SEE_OTHER);
    }

    /** {@code POST /experiments/{id}/delete}: the experiment page's form, after the browser's confirmation. */
    public void deleteForm(Context ctx) {
        experiments.delete(Ids.experimentId(ctx));
        ctx.redirect("/experiments", HttpStatus.SEE_OTHER);
    }
}
