package dev.lectern.server.plugin;

import dev.lectern.datasets.DatasetSpec;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.web.page.DatasetOption;
import dev.lectern.web.page.PluginCard;
import dev.lectern.web.page.PluginRow;
import java.util.List;

/** Turns plugins and their load results into the records the plugin templates take. */
public final class PluginPages {

    private PluginPages() {}

    public static PluginCard card(PluginStatus status, PluginManager plugins) {
        return status.plugin()
                .map(PluginPages::card)
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
        String source = plugins.shownSource(status);
        return status.plugin()
                .map(p -> new PluginRow(
                        p.descriptor().id(),
                        p.descriptor().title(),
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
        var d = plugin.descriptor();
        return new PluginCard(d.id(), d.title(), d.topic(), d.summary(), d.version(), true, "");
    }

    public static List<DatasetOption> datasetOptions(List<DatasetSpec> specs, String selected) {
        return specs.stream()
                .map(s -> new DatasetOption(s.id(), s.title(), s.description(), s.id().equals(selected)))
                .toList();
    }
}
