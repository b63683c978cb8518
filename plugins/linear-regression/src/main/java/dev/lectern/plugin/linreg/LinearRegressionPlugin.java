package dev.lectern.plugin.linreg;

import ai.djl.Device;
import dev.lectern.plugin.api.DataRequirements;
import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ParamSpec;
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

/** Linear regression, H(x) = Wx + b with the mean-squared-error cost, trained by gradient descent. */
public final class LinearRegressionPlugin implements LecturePlugin {

    static final String ID = "linear-regression";

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(
                ID,
                "Linear regression",
                "Lecture 2 — hypothesis, cost function and gradient descent",
                "Fit a straight line H(x) = Wx + b by walking downhill on the mean-squared-error cost.",
                "0.2.0",
                PluginApi.VERSION,
                List.of(
                        "H(x) = Wx + b",
                        "\\mathrm{cost}(W, b) = \\frac{1}{2m} \\sum_{i=1}^{m} \\left( H(x^{(i)}) - y^{(i)} \\right)^2",
                        "W := W - \\alpha \\frac{\\partial}{\\partial W} \\mathrm{cost}(W, b), \\quad "
                                + "b := b - \\alpha \\frac{\\partial}{\\partial b} \\mathrm{cost}(W, b)",
                        "\\theta = (X^{\\top} X)^{-1} X^{\\top} y \\quad \\text{(normal equation)}"));
    }

    @Override
    public String guide() {
        return LinearRegressionGuide.TEXT;
    }

    @Override
    public List<ParamSpec> hyperParameters() {
        return LinearRegressionParams.SPECS;
    }

    /** The learning rate may change while the run trains: the optimizer reads it before each step. */
    @Override
    public Set<String> liveParameters() {
        return Set.of(LinearRegressionParams.LEARNING_RATE);
    }

    /** Its models compare backpropagation of the cost with finite differences (API 1.4). */
    @Override
    public boolean checksGradients() {
        return true;
    }

    @Override
    public Set<DatasetKind> datasetKinds() {
        return Set.of(DatasetKind.TABLE);
    }

    @Override
    public DataRequirements dataRequirements() {
        // A straight line through the points: the label must be a number to fit, not a class.
        return DataRequirements.any()
                .withContinuousLabel()
                .withFeatures(1, Integer.MAX_VALUE)
                .withPreferredDataset("ex1data1");
    }

    @Override
    public Map<String, Object> defaultsFor(DatasetInfo dataset) {
        return LinearRegressionParams.defaultsFor(dataset.id());
    }

    @Override
    public Map<String, ResultLabel> resultLabels() {
        return ResultLabels.with(Map.of(
                "cost", ResultLabel.of("Cost (MSE / 2)"),
                "cost (normal equation)", ResultLabel.of("Cost of the normal equation (MSE / 2)")));
    }

    @Override
    public int lectureNumber() {
        return 2;
    }

    @Override
    public TrainedModel train(TrainingContext context) {
        return new LinearRegressionTrainer(context).run();
    }

    @Override
    public TrainedModel load(Path directory, Device device) throws IOException {
        return LinearRegressionModel.load(directory);
    }
}
