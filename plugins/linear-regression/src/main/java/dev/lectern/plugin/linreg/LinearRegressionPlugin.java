package dev.lectern.plugin.linreg;

import ai.djl.Device;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.PluginApi;
import dev.lectern.plugin.api.PluginDescriptor;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Linear regression, H(x) = Wx + b with the mean-squared-error cost, trained by gradient descent. */
public final class LinearRegressionPlugin implements LecturePlugin {

    static final String ID = "linear-regression";

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(ID, "Linear regression", "Lecture 2 — hypothesis, cost function and gradient descent",
                "Fit a straight line H(x) = Wx + b by walking downhill on the mean-squared-error cost.",
                "0.1.0", PluginApi.VERSION, List.of(
                        "H(x) = W·x + b",
                        "cost(W, b) = 1/(2m) · Σᵢ (H(x⁽ⁱ⁾) − y⁽ⁱ⁾)²",
                        "W := W − α · ∂cost/∂W,   b := b − α · ∂cost/∂b"));
    }

    @Override
    public List<ParamSpec> hyperParameters() {
        return LinearRegressionParams.SPECS;
    }

    @Override
    public Set<DatasetKind> datasetKinds() {
        return Set.of(DatasetKind.TABLE);
    }

    @Override
    public TrainedModel train(TrainingContext context) {
        return new LinearRegressionTrainer(context).run();
    }

    @Override
    public TrainedModel load(Path directory, Device device) throws IOException {
        return LinearRegressionModel.load(directory, device);
    }
}
