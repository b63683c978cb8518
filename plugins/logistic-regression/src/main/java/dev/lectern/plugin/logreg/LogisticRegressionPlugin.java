package dev.lectern.plugin.logreg;

import ai.djl.Device;
import dev.lectern.plugin.api.DataRequirements;
import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.ParamValues;
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

/** Logistic regression, H(x) = σ(Wx + b) with the cross-entropy cost, trained by gradient descent on a 0/1 label. */
public final class LogisticRegressionPlugin implements LecturePlugin {

    @Override
    public PluginDescriptor descriptor() {
        return Lesson.DESCRIPTOR;
    }

    @Override
    public String guide() {
        return Lesson.GUIDE;
    }

    @Override
    public List<ParamSpec> hyperParameters() {
        return LogisticRegressionParams.SPECS;
    }

    /** Its models compare backpropagation of the training loss with finite differences (API 1.4). */
    @Override
    public boolean checksGradients() {
        return true;
    }

    /** The learning rate may change while the run trains: the optimizer reads it before each step. */
    @Override
    public Set<String> liveParameters() {
        return Set.of(LogisticRegressionParams.LEARNING_RATE);
    }

    /** The cost the lecture minimises, then what it buys. */
    @Override
    public List<String> chartOrder() {
        return List.of("loss", "accuracy");
    }

    @Override
    public Set<DatasetKind> datasetKinds() {
        return Set.of(DatasetKind.TABLE);
    }

    @Override
    public DataRequirements dataRequirements() {
        // One sigmoid: P(y = 1 | x), so the label must be 0 or 1.
        return DataRequirements.any()
                .withBinaryLabel()
                .withFeatures(1, Integer.MAX_VALUE)
                .withPreferredDataset("ex2data1");
    }

    @Override
    public Map<String, Object> defaultsFor(DatasetInfo dataset) {
        return LogisticRegressionParams.defaultsFor(dataset);
    }

    @Override
    public void validate(ParamValues values, DatasetInfo dataset) {
        BinaryLabels.check(dataset);
    }

    @Override
    public Map<String, ResultLabel> resultLabels() {
        return ResultLabels.with(Map.of(
                "cost", ResultLabel.of("Cost (cross-entropy)"),
                "accuracy", ResultLabel.of("Training accuracy")));
    }

    @Override
    public int lectureNumber() {
        return 5;
    }

    @Override
    public TrainedModel train(TrainingContext context) {
        return new LogisticRegressionTrainer(context).run();
    }

    @Override
    public TrainedModel load(Path directory, Device device) throws IOException {
        return LogisticRegressionModel.load(directory, device);
    }
}
