package dev.lectern.server.plugin;

import dev.lectern.datasets.DatasetSpec;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.PluginTexts;
import dev.lectern.server.dataset.DatasetTexts;
import dev.lectern.web.page.DatasetOption;
import dev.lectern.web.page.PluginCard;
import dev.lectern.web.page.PluginRow;
import java.util.List;
import java.util.Locale;

/** Turns plugins and their load results into the records the plugin templates take. */
public final class PluginPages {

    private PluginPages() {}

    public static PluginCard card(PluginStatus status, PluginManager plugins) {
        return card(status, plugins, Locale.ENGLISH);
    }

    /** The dashboard's card of a load result, in a language. */
    public static PluginCard card(PluginStatus status, PluginManager plugins, Locale locale) {
        return status.plugin()
                .map(p -> card(p, locale))
                .orElseGet(() -> new PluginCard(
                        status.id(),
                        status.id(),
                        "failed to load",
                        "",
                        "",
                        false,
                        plugins.shownError(status).orElse("unknown error")));
    }

    public static PluginRow pluginRow(PluginStatus status, PluginManager plugins) {
        return pluginRow(status, plugins, Locale.ENGLISH);
    }

    /** The plugins table's row of a load result, in a language. */
    public static PluginRow pluginRow(PluginStatus status, PluginManager plugins, Locale locale) {
        String source = plugins.shownSource(status);
        return status.plugin()
                .map(p -> new PluginRow(
                        p.descriptor().id(),
                        PluginTexts.of(p, locale).title(),
                        p.descriptor().version(),
                        p.descriptor().apiVersion(),
                        source,
                        true,
                        "",
                        status.note().orElse("")))
                .orElseGet(() -> new PluginRow(
                        status.id(),
                        status.id(),
                        "",
                        "",
                        source,
                        false,
                        plugins.shownError(status).orElse("unknown error"),
                        status.note().orElse("")));
    }

    public static PluginCard card(LecturePlugin plugin) {
        return card(plugin, Locale.ENGLISH);
    }

    /** A loaded plugin's card with its texts in a language (English where its bundle has none). */
    public static PluginCard card(LecturePlugin plugin, Locale locale) {
        var d = plugin.descriptor();
        PluginTexts texts = PluginTexts.of(plugin, locale);
        return new PluginCard(d.id(), texts.title(), texts.topic(), texts.summary(), d.version(), true, "");
    }

    public static List<DatasetOption> datasetOptions(List<DatasetSpec> specs, String selected) {
        return specs.stream()
                .map(s -> new DatasetOption(
                        s.id(), DatasetTexts.title(s), DatasetTexts.description(s), s.id().equals(selected)))
                .toList();
    }
}
