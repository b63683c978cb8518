package dev.lectern.plugin.mlp;

import ai.djl.Device;
import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.DataFacts;
import dev.lectern.plugin.api.DataRequirements;
import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.PluginApi;
import dev.lectern.plugin.api.PluginDescriptor;
import dev.lectern.plugin.api.ResultLabel;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingContext;
import dev.lectern.plugin.support.ResultLabels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The multi-layer perceptron: hidden layers of Linear + activation, softmax output, cross-entropy, backpropagation. */
public final class MlpPlugin implements LecturePlugin {

    static final String ID = "mlp";

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(
                ID,
                "Multi-layer perceptron",
                "Lectures 9–10 — backpropagation, XOR, ReLU, Xavier initialisation, dropout, MNIST",
                "Stack Linear layers with a non-linearity between them, put softmax on top and learn every weight by "
                        + "backpropagating the cross-entropy: solves XOR, which a single layer cannot, and reads MNIST digits.",
                "0.1.0",
                PluginApi.VERSION,
                List.of(
                        "h^{(1)} = \\sigma(x W^{(1)} + b^{(1)}),\\quad h^{(l)} = \\sigma(h^{(l-1)} W^{(l)} + b^{(l)})",
                        "\\hat{y} = \\mathrm{softmax}(h^{(L-1)} W^{(L)} + b^{(L)})",
                        "\\mathrm{cost} = -\\frac{1}{m} \\sum_{k=1}^{m} \\log \\hat{y}^{(k)}_{y^{(k)}}",
                        "\\frac{\\partial \\mathrm{cost}}{\\partial W^{(l)}} = h^{(l-1)\\top} \\delta^{(l)},\\quad "
                                + "\\delta^{(l-1)} = \\delta^{(l)} W^{(l)\\top} \\odot \\sigma'(z^{(l-1)})",
                        "\\mathrm{ReLU}(z) = \\max(0, z),\\quad \\sigma'(z) \\le \\tfrac14 \\text{ for the sigmoid}"));
    }

    @Override
    public String guide() {
        return MlpGuide.TEXT;
    }

    @Override
    public List<ParamSpec> hyperParameters() {
        return MlpParams.SPECS;
    }

    /** Its models compare backpropagation of the training loss with finite differences (API 1.4). */
    @Override
    public boolean checksGradients() {
        return true;
    }

    /** The learning rate may change while the run trains: the optimizer reads it before each step. */
    @Override
    public Set<String> liveParameters() {
        return Set.of(MlpParams.LEARNING_RATE);
    }

    /** What the net learns first, then the gradient diagnostics, then the timings. */
    @Override
    public List<String> chartOrder() {
        return List.of("loss", "accuracy", "gradNorm", "secondsPerEpoch", "imagesPerSecond");
    }

    @Override
    public Set<DatasetKind> datasetKinds() {
        return Set.of(DatasetKind.TABLE, DatasetKind.IMAGES);
    }

    @Override
    public DataRequirements dataRequirements() {
        // A classifier of tables or images; XOR is the lecture's first problem.
        return DataRequirements.any()
                .withClassLabel(2, DataFacts.MAX_CLASSES)
                .withFeatures(1, Integer.MAX_VALUE)
                .withPreferredDataset("xor");
    }

    @Override
    public Map<String, Object> defaultsFor(DatasetInfo dataset) {
        return MlpParams.defaultsFor(dataset.id());
    }

    @Override
    public void validate(ParamValues values, DatasetInfo dataset) {
        HiddenLayers.parse(values.getString(MlpParams.HIDDEN_LAYERS));
        if (dataset.kind() == DatasetKind.TABLE && !dataset.columns().isEmpty()) {
            if (dataset.columns().stream().noneMatch(c -> c.role() == ColumnRole.LABEL)) {
                throw new InvalidParameterException(
                        "dataset", "data set '" + dataset.id() + "' has no label column of class indices");
            }
            if (dataset.columns().stream().noneMatch(c -> c.role() == ColumnRole.FEATURE)) {
                throw new InvalidParameterException("dataset", "data set '" + dataset.id() + "' has no feature column");
            }
        }
    }

    @Override
    public Map<String, ResultLabel> resultLabels() {
        return ResultLabels.with(Map.of(
                "secondsPerEpoch", ResultLabel.of("Time per epoch", "s"),
                "imagesPerSecond", ResultLabel.of("Images per second")));
    }

    @Override
    public int lectureNumber() {
        return 9;
    }

    @Override
    public TrainedModel train(TrainingContext context) {
        return new MlpTrainer(context).run();
    }

    @Override
    public TrainedModel load(Path directory, Device device) throws IOException {
        return MlpModel.load(directory);
    }
}
