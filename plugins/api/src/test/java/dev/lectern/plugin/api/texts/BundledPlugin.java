package dev.lectern.plugin.api.texts;

import ai.djl.Device;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.PluginApi;
import dev.lectern.plugin.api.PluginDescriptor;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** A plugin whose package holds a Korean bundle (messages_ko.properties) that lacks some keys. */
public class BundledPlugin implements LecturePlugin {

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(
                "bundled",
                "Linear regression",
                "Lecture 2 — cost function",
                "Fit a line H(x) = Wx + b.",
                "1.0.0",
                PluginApi.VERSION,
                List.of("H(x) = Wx + b"));
    }

    @Override
    public List<ParamSpec> hyperParameters() {
        return List.of(
                ParamSpec.ofDouble("learningRate", "Learning rate α", 0.01, 1e-7, 10, "Step size."),
                ParamSpec.ofInt("epochs", "Epochs", 10, 1, 100, "Passes over the data."));
    }

    @Override
    public Set<DatasetKind> datasetKinds() {
        return Set.of(DatasetKind.TABLE);
    }

    @Override
    public String guide() {
        return "Watch the cost fall.";
    }

    @Override
    public TrainedModel train(TrainingContext context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public TrainedModel load(Path directory, Device device) {
        throw new UnsupportedOperationException();
    }
}
