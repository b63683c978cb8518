package dev.lectern.server.experiment;

import dev.lectern.plugin.api.PluginTexts;
import dev.lectern.server.access.Viewer;
import dev.lectern.server.metrics.MetricsRepository;
import dev.lectern.server.plugin.PluginManager;
import dev.lectern.web.page.ExperimentRow;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The newest runs, overall or of one plugin, as the rows the dashboard and a plugin's page list. */
public final class RecentRuns {

    private final ExperimentService experiments;
    private final MetricsRepository metrics;
    private final PluginManager plugins;
    private final ExperimentViews views;

    /**
     * Creates the reader.
     *
     * @param experiments the runs
     * @param metrics their metrics (the last loss is shown)
     * @param plugins the plugins, for their titles
     * @param views builds the rows
     */
    public RecentRuns(
            ExperimentService experiments, MetricsRepository metrics, PluginManager plugins, ExperimentViews views) {
        this.experiments = experiments;
        this.metrics = metrics;
        this.plugins = plugins;
        this.views = views;
    }

    /**
     * The newest runs.
     *
     * @param plugin only this plugin's, or all
     * @param viewer who looks: a student sees their own
     * @param count how many
     * @return their rows, newest first
     */
    public List<ExperimentRow> rows(Optional<String> plugin, Viewer viewer, int count) {
        return rows(plugin, viewer, count, Locale.ENGLISH);
    }

    /**
     * Returns the newest runs, their plugins named in a language.
     *
     * @param plugin only this plugin's runs, or all
     * @param viewer who looks: a student sees their own
     * @param count how many
     * @param locale the language of the plugins' titles
     * @return their rows, newest first
     */
    public List<ExperimentRow> rows(Optional<String> plugin, Viewer viewer, int count, Locale locale) {
        List<Experiment> list = experiments.page(plugin, viewer.onlyOwner(), 1, count);
        Map<String, String> titles = pluginTitles(locale);
        Map<Long, Double> losses =
                metrics.lastValues(list.stream().map(Experiment::id).toList(), "loss");
        return list.stream().map(e -> views.row(e, titles, losses.get(e.id()))).toList();
    }

    /** Each loaded plugin's title by its id. */
    public Map<String, String> pluginTitles() {
        return pluginTitles(Locale.ENGLISH);
    }

    /**
     * Each loaded plugin's title by its id, in a language.
     *
     * @param locale the language
     * @return the titles
     */
    public Map<String, String> pluginTitles(Locale locale) {
        Map<String, String> titles = new HashMap<>();
        plugins.plugins()
                .forEach(p -> titles.put(
                        p.descriptor().id(), PluginTexts.of(p, locale).title()));
        return titles;
    }
}
