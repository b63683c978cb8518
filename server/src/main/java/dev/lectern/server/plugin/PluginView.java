package dev.lectern.server.plugin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.ParamType;
import dev.lectern.plugin.api.PluginDescriptor;
import java.util.List;

/**
 * One plugin as {@code GET /api/plugins} shows it: its load result, and for a loaded plugin its metadata and declared
 * hyperparameters. Components are serialised in this order; a failed plugin has only the first four.
 *
 * @param id the plugin id
 * @param status LOADED or FAILED
 * @param error why it failed, or null
 * @param source where it came from, without the server's paths
 * @param title the lecture's title
 * @param topic the lecture's topic
 * @param summary a sentence about it
 * @param version the plugin's version
 * @param apiVersion the plugin API version it was built against
 * @param formulas the lecture's formulas (TeX)
 * @param datasetKinds the kinds of data it trains on
 * @param params its declared hyperparameters
 * @param data what data it trains on: kinds, features, label, preferred data set (API 1.4)
 * @param note what the last rescan did with it (reloaded a rebuilt jar, or why not), null when nothing
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record PluginView(
        String id,
        String status,
        @JsonInclude(JsonInclude.Include.ALWAYS) String error,
        String source,
        String title,
        String topic,
        String summary,
        String version,
        String apiVersion,
        List<String> formulas,
        List<DatasetKind> datasetKinds,
        List<Param> params,
        DataRequirementsView data,
        @JsonInclude(JsonInclude.Include.NON_NULL) String note) {

    /**
     * One declared hyperparameter.
     *
     * @param name its name
     * @param label its label
     * @param type its type
     * @param defaultValue its default
     * @param min the least value, or null
     * @param max the largest value, or null
     * @param choices the allowed values of a choice, or null
     * @param help a sentence about it
     * @param live whether it may change while a run trains ({@code POST /api/experiments/{id}/control}, API 1.3)
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Param(
            String name,
            String label,
            ParamType type,

            @com.fasterxml.jackson.annotation.JsonProperty("default")
            Object defaultValue,

            Object min,
            Object max,
            Object choices,
            String help,
            boolean live) {

        static Param of(ParamSpec spec, java.util.Set<String> live) {
            return new Param(
                    spec.name(),
                    spec.label(),
                    spec.type(),
                    spec.defaultValue(),
                    spec.min(),
                    spec.max(),
                    spec.choices(),
                    spec.help(),
                    live.contains(spec.name()));
        }
    }

    /**
     * Describes a load result.
     *
     * @param status the load result
     * @param plugins the manager, which names sources without paths
     * @return the view
     */
    public static PluginView of(PluginStatus status, PluginManager plugins) {
        String error = plugins.shownError(status).orElse(null);
        String source = plugins.shownSource(status);
        if (status.plugin().isEmpty()) {
            return new PluginView(
                    status.id(),
                    "FAILED",
                    error,
                    source,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    status.note().orElse(null));
        }
        LecturePlugin plugin = status.plugin().get();
        PluginDescriptor d = plugin.descriptor();
        return new PluginView(
                status.id(),
                "LOADED",
                error,
                source,
                d.title(),
                d.topic(),
                d.summary(),
                d.version(),
                d.apiVersion(),
                d.formulas(),
                plugin.datasetKinds().stream().sorted().toList(),
                plugin.hyperParameters().stream()
                        .map(p -> Param.of(p, plugin.liveParameters()))
                        .toList(),
                DataRequirementsView.of(plugin),
                status.note().orElse(null));
    }
}
