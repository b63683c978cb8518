package dev.lectern.server.plugin;

import dev.lectern.datasets.DatasetService;
import dev.lectern.datasets.DatasetSpec;
import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.PluginTexts;
import dev.lectern.server.ForbiddenException;
import dev.lectern.server.NotFoundException;
import dev.lectern.server.access.Viewer;
import dev.lectern.server.dataset.DatasetAccess;
import dev.lectern.server.experiment.Experiment;
import dev.lectern.server.experiment.ExperimentService;
import dev.lectern.server.experiment.NewExperiment;
import dev.lectern.server.experiment.RecentRuns;
import dev.lectern.server.http.ErrorText;
import dev.lectern.server.http.Forms;
import dev.lectern.server.http.PageLanguage;
import dev.lectern.web.Templates;
import dev.lectern.web.page.DashboardPage;
import dev.lectern.web.page.PluginListPage;
import dev.lectern.web.page.PluginPage;
import dev.lectern.web.page.PluginRow;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The dashboard, the plugins page and each plugin's page with its run form (which works without JavaScript). */
public final class PluginPageController {

    private static final int RECENT = 10;

    private final PluginManager plugins;
    private final ExperimentService experiments;
    private final RecentRuns recent;
    private final DatasetService datasets;
    private final Templates templates;
    private final DatasetAccess access;

    /**
     * Creates the controller.
     *
     * @param plugins the plugins
     * @param experiments creates runs from the form
     * @param recent the newest runs
     * @param datasets the data sets a plugin can train on
     * @param templates renders the pages
     * @param access which uploads a viewer may pick
     */
    public PluginPageController(
            PluginManager plugins,
            ExperimentService experiments,
            RecentRuns recent,
            DatasetService datasets,
            Templates templates,
            DatasetAccess access) {
        this.plugins = plugins;
        this.experiments = experiments;
        this.recent = recent;
        this.datasets = datasets;
        this.templates = templates;
        this.access = access;
    }

    /** {@code GET /}: the lectures and the newest runs. */
    public void dashboard(Context ctx) {
        var cards = plugins.statuses().stream()
                .sorted(LectureOrder.STATUSES)
                .map(s -> PluginPages.card(s, plugins, PageLanguage.locale(ctx)))
                .toList();
        ctx.html(templates.render(
                "dashboard.jte",
                new DashboardPage(
                        cards, recent.rows(Optional.empty(), Viewer.of(ctx), RECENT, PageLanguage.locale(ctx)))));
    }

    /** {@code GET /plugins}: every plugin found and why any failed. */
    public void plugins(Context ctx) {
        List<PluginRow> rows = plugins.statuses().stream()
                .map(s -> PluginPages.pluginRow(s, plugins, PageLanguage.locale(ctx)))
                .toList();
        ctx.html(templates.render("plugins/index.jte", new PluginListPage(rows)));
    }

    /** {@code POST /plugins/rescan}. */
    public void rescan(Context ctx) {
        if (!Viewer.of(ctx).isTeacher()) {
            throw new ForbiddenException("only a teacher rescans the plugin folders");
        }
        plugins.rescan();
        ctx.redirect("/plugins", HttpStatus.SEE_OTHER);
    }

    /** {@code GET /plugins/{id}}: the lecture and its run form, defaults adapted to the chosen data set. */
    public void plugin(Context ctx) {
        LecturePlugin plugin = plugin(ctx.pathParam("id"));
        List<DatasetSpec> options = options(ctx, plugin);
        String selected = DataFit.selected(plugin, options, ctx.queryParam("dataset"));
        Map<String, Object> values = new HashMap<>();
        options.stream()
                .filter(s -> s.id().equals(selected))
                .findFirst()
                .ifPresent(spec -> values.putAll(plugin.defaultsFor(spec.info())));
        ctx.html(templates.render(
                "plugins/show.jte", pluginPage(ctx, plugin, options, selected, values, null, null, "")));
    }

    /** {@code POST /plugins/{id}/experiments}: the run form; a refused value is shown next to its field. */
    public void run(Context ctx) {
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
            Experiment created = experiments.create(
                    new NewExperiment(plugin.descriptor().id(), dataset, submitted, name, ctx.formParam("device"))
                            .ownedBy(Viewer.of(ctx).name()));
            ctx.redirect("/experiments/" + created.id(), HttpStatus.SEE_OTHER);
        } catch (InvalidParameterException e) {
            List<DatasetSpec> options = options(ctx, plugin);
            ctx.status(HttpStatus.BAD_REQUEST)
                    .html(templates.render(
                            "plugins/show.jte",
                            pluginPage(
                                    ctx,
                                    plugin,
                                    options,
                                    dataset == null ? "" : dataset,
                                    submitted,
                                    e.field(),
                                    e.getMessage(),
                                    name == null ? "" : name)));
        }
    }

    private PluginPage pluginPage(
            Context ctx,
            LecturePlugin plugin,
            List<DatasetSpec> options,
            String selected,
            Map<String, ?> values,
            String errorField,
            String error,
            String name) {
        boolean datasetError = "dataset".equals(errorField);
        boolean fieldError = errorField != null
                && plugin.hyperParameters().stream().anyMatch(s -> s.name().equals(errorField));
        PluginTexts texts = PluginTexts.of(plugin, PageLanguage.locale(ctx));
        if (fieldError && error != null) {
            // The message starts with the field's declared (English) label: name the field as the form does.
            for (ParamSpec spec : plugin.hyperParameters()) {
                if (spec.name().equals(errorField) && error.startsWith(spec.label() + " ")) {
                    error = texts.param(spec).label()
                            + error.substring(spec.label().length());
                }
            }
        }
        error = ErrorText.in(error, PageLanguage.messages(ctx));
        String formError = error != null && !datasetError && !fieldError ? error : "";
        return new PluginPage(
                PluginPages.card(plugin, PageLanguage.locale(ctx)),
                plugin.descriptor().formulas(),
                texts.guide(),
                PluginPages.datasetOptions(options, selected),
                Forms.fields(texts.params(plugin.hyperParameters()), values, errorField, error),
                datasetError ? error : "",
                formError,
                name,
                recent.rows(Optional.of(plugin.descriptor().id()), Viewer.of(ctx), RECENT, PageLanguage.locale(ctx)),
                Viewer.of(ctx).isTeacher());
    }

    /** The data sets the form offers: those the viewer may see that fit the plugin's kinds and requirements. */
    private List<DatasetSpec> options(Context ctx, LecturePlugin plugin) {
        return DataFit.fitting(plugin, datasets.catalog().ofKinds(plugin.datasetKinds())).stream()
                .filter(d -> access.maySee(Viewer.of(ctx), d.id()))
                .toList();
    }

    private LecturePlugin plugin(String id) {
        return plugins.find(id).orElseThrow(() -> new NotFoundException("no plugin '" + id + "' is loaded"));
    }
}
