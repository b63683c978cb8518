package dev.lectern.plugin.cnn;

import ai.djl.Device;
import dev.lectern.plugin.api.DataFacts;
import dev.lectern.plugin.api.DataRequirements;
import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
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

/** A convolutional network on grey-scale images: conv + ReLU + max-pool blocks, then fully connected layers. */
public final class CnnPlugin implements LecturePlugin {

    static final String ID = "cnn";

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(
                ID,
                "Convolutional network",
                "Lecture 11 — convolutional neural networks on MNIST",
                "Slide small learned filters over the image, keep the strongest responses with max-pooling, and let a "
                        + "fully connected layer classify what the filters found.",
                "0.1.0",
                PluginApi.VERSION,
                List.of(
                        "\\text{out}(i, j) = \\mathrm{ReLU}\\Big(b + \\sum_{c}\\sum_{u,v} W_{c,u,v}\\, x_{c,\\,i+u,\\,j+v}\\Big)",
                        "\\text{output size} = \\frac{N - F + 2P}{\\text{stride}} + 1",
                        "\\text{parameters of a conv layer} = (F \\cdot F \\cdot C_{in} + 1) \\cdot C_{out}",
                        "\\text{pool}(i, j) = \\max_{u, v \\in \\{0, 1\\}} x_{2i+u,\\,2j+v}"));
    }

    @Override
    public String guide() {
        return CnnGuide.TEXT;
    }

    @Override
    public List<ParamSpec> hyperParameters() {
        return CnnParams.SPECS;
    }

    /** What the net learns first, then the timings. */
    @Override
    public List<String> chartOrder() {
        return List.of("loss", "accuracy", "secondsPerEpoch", "imagesPerSecond");
    }

    @Override
    public Set<DatasetKind> datasetKinds() {
        return Set.of(DatasetKind.IMAGES);
    }

    @Override
    public DataRequirements dataRequirements() {
        // 28x28 grey-scale digits, as the lecture's layer table assumes.
        return DataRequirements.any()
                .withClassLabel(2, DataFacts.MAX_CLASSES)
                .withFeatures(28 * 28)
                .withPreferredDataset("mnist");
    }

    @Override
    public Map<String, Object> defaultsFor(DatasetInfo dataset) {
        return CnnParams.defaultsFor(dataset.id());
    }

    @Override
    public void validate(ParamValues values, DatasetInfo dataset) {
        CnnParams.validate(values);
    }

    @Override
    public Map<String, ResultLabel> resultLabels() {
        return ResultLabels.with(Map.of("trainingImages", ResultLabel.of("Training images")));
    }

    @Override
    public int lectureNumber() {
        return 11;
    }

    @Override
    public TrainedModel train(TrainingContext context) throws Exception {
        return new CnnTrainer(context).run();
    }

    @Override
    public TrainedModel load(Path directory, Device device) throws IOException {
        return CnnModel.load(directory, device);
    }
}
