package dev.lectern.plugin.support;

import dev.lectern.plugin.api.ResultLabel;
import java.util.LinkedHashMap;
import java.util.Map;

/** The plain names of the summary keys the built-in plugins share, so each plugin lists only its own. */
public final class ResultLabels {

    private static final Map<String, ResultLabel> COMMON = Map.of(
            "loss", ResultLabel.of("Loss"),
            "cost", ResultLabel.of("Cost"),
            "steps", ResultLabel.of("Optimizer steps"),
            "epochs", ResultLabel.of("Epochs"),
            "parameters", ResultLabel.of("Trainable parameters"),
            "msPerEpoch", ResultLabel.of("Time per epoch", "ms"),
            "trainAccuracy", ResultLabel.of("Training accuracy"),
            "testAccuracy", ResultLabel.of("Test accuracy"));

    private ResultLabels() {}

    /**
     * Returns the shared labels with a plugin's own added; its own win where a key is in both.
     *
     * @param own the plugin's labels for its other keys
     * @return key to label
     */
    public static Map<String, ResultLabel> with(Map<String, ResultLabel> own) {
        Map<String, ResultLabel> all = new LinkedHashMap<>(COMMON);
        all.putAll(own);
        return Map.copyOf(all);
    }
}
