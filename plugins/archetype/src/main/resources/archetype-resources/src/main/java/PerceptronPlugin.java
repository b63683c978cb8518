package ${package};

import ai.djl.Device;
import dev.lectern.plugin.api.DataRequirements;
import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.PluginApi;
import dev.lectern.plugin.api.PluginDescriptor;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A single neuron, p = σ(w·x + b), that learns a yes/no label from the feature columns of a table. The entry class
 * only describes the plugin; {@link PerceptronTrainer} trains and {@link PerceptronModel} predicts, saves and loads.
 */
public final class PerceptronPlugin implements LecturePlugin {

    static final String ID = "${pluginId}";

    /** Required by {@link java.util.ServiceLoader}: a public no-argument constructor. */
    public PerceptronPlugin() {}

    @Override
    public PluginDescriptor descriptor() {
        // apiVersion is PluginApi.VERSION: the compiler copies the constant in, so the server knows the API you built for.
        return new PluginDescriptor(ID, "Perceptron", "A first neuron",
                "One neuron with a sigmoid learns a yes/no label (0 or 1) from the feature columns of a table.",
                "0.1.0", PluginApi.VERSION, List.of(
                        "p = \\sigma(w \\cdot x + b) = \\frac{1}{1 + e^{-(w \\cdot x + b)}}",
                        "J(w, b) = \\frac{1}{m} \\sum_{i=1}^{m} \\left( \\log(1 + e^{z_i}) - y_i z_i \\right), \\quad z_i = w \\cdot x_i + b"));
    }

    @Override
    public String guide() {
        return "Watch the loss fall as the boundary w·x + b = 0 turns to separate the two classes. A learning rate "
                + "that is too large makes the loss jump; a separable data set lets the loss creep towards 0.";
    }

    @Override
    public List<ParamSpec> hyperParameters() {
        return PerceptronParams.SPECS;
    }

    @Override
    public Set<DatasetKind> datasetKinds() {
        return Set.of(DatasetKind.TABLE);
    }

    @Override
    public DataRequirements dataRequirements() {
        // A yes/no neuron: the workbench offers only tables with a 0/1 label, two-blobs first.
        return DataRequirements.any()
                .withBinaryLabel()
                .withFeatures(1, Integer.MAX_VALUE)
                .withPreferredDataset("two-blobs");
    }

    @Override
    public void validate(ParamValues values, DatasetInfo dataset) {
        PerceptronParams.validate(dataset);
    }

    @Override
    public TrainedModel train(TrainingContext context) {
        return new PerceptronTrainer(context).run();
    }

    @Override
    public TrainedModel load(Path directory, Device device) throws IOException {
        return PerceptronModel.load(directory);
    }
}
