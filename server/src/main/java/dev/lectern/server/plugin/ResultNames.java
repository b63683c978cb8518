package dev.lectern.server.plugin;

import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ResultLabel;
import java.util.Map;
import java.util.Optional;

/**
 * The plain names result tables show for summary keys: the plugin's own labels (plugin API 1.4), the server's for the
 * keys it adds itself, else the key as it is.
 */
public final class ResultNames {

    /** Keys the server adds to every summary. */
    private static final Map<String, ResultLabel> SERVER = Map.of("trainSeconds", ResultLabel.of("Training time", "s"));

    private final Map<String, ResultLabel> labels;

    private ResultNames(Map<String, ResultLabel> labels) {
        this.labels = labels;
    }

    /**
     * Returns the names for runs of this plugin, or the server's alone when it is not loaded.
     *
     * @param plugin the run's plugin, if loaded
     * @return the names
     */
    public static ResultNames of(Optional<LecturePlugin> plugin) {
        Map<String, ResultLabel> own;
        try {
            own = plugin.map(LecturePlugin::resultLabels).orElse(Map.of());
        } catch (RuntimeException | LinkageError e) {
            own = Map.of(); // a plugin whose labels cannot be read still shows its keys
        }
        return new ResultNames(own == null ? Map.of() : own);
    }

    /**
     * Returns what a table shows for a key: "Time per epoch (ms)" for {@code msPerEpoch}, or the key itself.
     *
     * @param key a summary key
     * @return its plain name
     */
    public String display(String key) {
        ResultLabel label = labels.get(key);
        if (label == null) {
            label = SERVER.get(key);
        }
        return label == null ? key : label.display();
    }
}
