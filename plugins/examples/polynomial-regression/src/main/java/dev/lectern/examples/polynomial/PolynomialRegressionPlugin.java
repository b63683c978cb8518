package dev.lectern.examples.polynomial;

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
 * Polynomial regression of one feature, H(x) = Σ θ_k x^k for k = 0..d, with the mean-squared-error cost. The entry
 * class only describes the plugin and hands the work to {@link PolynomialTrainer} and {@link PolynomialModel}.
 */
public final class PolynomialRegressionPlugin implements LecturePlugin {

    static final String ID = "polynomial-regression";

    /** Required by {@link java.util.ServiceLoader}: a public no-argument constructor. */
    public PolynomialRegressionPlugin() {}

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(
                ID,
                "Polynomial regression",
                "Lecture 2 extra — features, capacity and underfitting",
                "Fit a curve H(x) = θ₀ + θ₁x + … + θ_d x^d with gradient descent, and watch a low degree underfit.",
                "0.1.0",
                PluginApi.VERSION,
                List.of(
                        "H(x) = \\sum_{k=0}^{d} \\theta_k x^k",
                        "z_k = \\frac{x^k - \\mu_k}{\\sigma_k} \\quad (k = 1, \\dots, d)",
                        "\\mathrm{cost}(\\theta) = \\frac{1}{m} \\sum_{i=1}^{m} \\left( H(x^{(i)}) - y^{(i)} \\right)^2",
                        "\\theta := \\theta - \\alpha \\nabla_{\\theta} \\mathrm{cost}(\\theta)"));
    }

    @Override
    public String guide() {
        return "The model is still linear regression: only the features changed. Each power x, x², …, x^d becomes one "
                + "input column, standardized so that one learning rate suits them all.\n\n"
                + "Try degree 1 on curved data and the fitted line misses the bend (underfitting): the cost stays high "
                + "however long you train. Raise the degree and the curve follows the data; the dashed least-squares "
                + "line on the loss chart is the lowest cost this degree can reach.";
    }

    @Override
    public List<ParamSpec> hyperParameters() {
        return PolynomialParams.SPECS;
    }

    @Override
    public Set<DatasetKind> datasetKinds() {
        return Set.of(DatasetKind.TABLE);
    }

    @Override
    public DataRequirements dataRequirements() {
        // Powers of one feature: exactly one feature column and a number to fit.
        return DataRequirements.any().withFeatures(1).withContinuousLabel().withPreferredDataset("ex1data1");
    }

    @Override
    public void validate(ParamValues values, DatasetInfo dataset) {
        PolynomialParams.validate(dataset);
    }

    @Override
    public TrainedModel train(TrainingContext context) {
        return new PolynomialTrainer(context).run();
    }

    @Override
    public TrainedModel load(Path directory, Device device) throws IOException {
        return PolynomialModel.load(directory);
    }
}
