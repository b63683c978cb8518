package dev.lectern.plugin.api.gradient;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.lectern.plugin.api.Gradients;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a trained model offers to the gradient check: its parameters as float64 copies and its training loss on a
 * small batch as a function of them. {@link GradientCheck#run} compares {@link #gradient} (backpropagation, unless
 * the plugin computes its gradient itself) with central differences of {@link #loss}.
 *
 * <p>The loss must be the one the plugin trains with (the same formula, on the batch as the model sees it: scaled
 * features, one-hot labels), built from DJL ops on float64 arrays, so that backpropagation of it is what the check
 * examines. Dropout and any other randomness are off: the loss must be a plain function of the parameters.
 */
public interface GradientProblem {

    /**
     * Returns the parameters to check, as float64 copies of the model's values, in display order.
     *
     * @return the parameters; names are unique
     */
    List<GradientParameter> parameters();

    /**
     * Returns how many examples the batch holds.
     *
     * @return the batch's size, at most the check's {@link GradientCheck.Options#batchRows()}
     */
    int examples();

    /**
     * Computes the loss of the batch for the given parameter values. Create the batch's arrays on {@code manager} (as
     * float64), and keep constants in arrays rather than Java numbers passed to ops (see {@link Gradients}).
     *
     * @param manager where to create arrays; it is closed after the check
     * @param parameters float64 arrays by {@link GradientParameter#name()}, shaped as declared
     * @return the loss, a float64 scalar
     */
    NDArray loss(NDManager manager, Map<String, NDArray> parameters);

    /**
     * Computes the analytic gradient of {@link #loss} at the given values. By default this is backpropagation through
     * the loss (DJL's autograd, with the collector of {@link Gradients#collect}); a plugin that computes its gradient
     * by hand (a custom backward pass) overrides this with that computation, so the check examines it.
     *
     * @param manager where to create arrays
     * @param parameters float64 arrays by name; the default sets them to require gradients
     * @return the gradient of every parameter, by name, shaped like the parameter
     */
    default Map<String, NDArray> gradient(NDManager manager, Map<String, NDArray> parameters) {
        parameters.values().forEach(p -> p.setRequiresGradient(true));
        try (GradientCollector collector = Gradients.collect(manager)) {
            collector.backward(loss(manager, parameters));
        }
        Map<String, NDArray> gradients = new LinkedHashMap<>();
        parameters.forEach((name, p) -> gradients.put(name, p.getGradient()));
        return gradients;
    }
}
