package dev.lectern.plugin.softmax;

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

/** Softmax classification: class scores y = XW + b, probabilities S(y), and the cross-entropy cost. */
public final class SoftmaxRegressionPlugin implements LecturePlugin {

    static final String ID = "softmax-regression";

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(
                ID,
                "Softmax classification",
                "Lecture 6 — multinomial classification: softmax and cross-entropy",
                "Score every class with y = XW + b, turn the scores into probabilities with softmax, and learn W and b "
                        + "by minimising the cross-entropy.",
                "0.1.0",
                PluginApi.VERSION,
                List.of(
                        "y = XW + b",
                        "S(y_i) = \\frac{e^{y_i}}{\\sum_j e^{y_j}}",
                        "D(S, L) = -\\sum_i L_i \\log S_i",
                        "\\mathrm{cost}(W, b) = \\frac{1}{m} \\sum_{k=1}^{m} D\\big(S(x^{(k)} W + b), L^{(k)}\\big)"));
    }

    @Override
    public String guide() {
        return SoftmaxRegressionGuide.TEXT;
    }

    @Override
    public List<ParamSpec> hyperParameters() {
        return SoftmaxRegressionParams.SPECS;
    }

    /** Its models compare backpropagation of the training loss with finite differences (API 1.4). */
    @Override
    public boolean checksGradients() {
        return true;
    }

    /** The learning rate may change while the run trains: the optimizer reads it before each step. */
    @Override
    public Set<String> liveParameters() {
        return Set.of(SoftmaxRegressionParams.LEARNING_RATE);
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
        // One linear score per class: any number of classes from two up, the zoo lab first.
        return DataRequirements.any()
                .withClassLabel(2, DataFacts.MAX_CLASSES)
                .withFeatures(1, Integer.MAX_VALUE)
                .withPreferredDataset("data-04-zoo");
    }

    @Override
    public Map<String, Object> defaultsFor(DatasetInfo dataset) {
        return SoftmaxRegressionParams.defaultsFor(dataset.id());
    }

    @Override
    public void validate(ParamValues values, DatasetInfo dataset) {
        // Columns are known before loading only for catalogued tables; uploads are checked when training starts.
        if (!dataset.columns().isEmpty()) {
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
                "cost", ResultLabel.of("Cost (cross-entropy)"),
                "classes", ResultLabel.of("Classes")));
    }

    @Override
    public int lectureNumber() {
        return 6;
    }

    @Override
    public TrainedModel train(TrainingContext context) {
        return new SoftmaxRegressionTrainer(context).run();
    }

    @Override
    public TrainedModel load(Path directory, Device device) throws IOException {
        return SoftmaxRegressionModel.load(directory);
    }
}
