package dev.lectern.plugin.charrnn;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * Clipping by global norm: when the gradient of all parameters together, as one vector, is longer than
 * {@code maxNorm}, every gradient is scaled by {@code maxNorm / norm}, which keeps its direction. Exploding gradients
 * are the RNN's other failure besides vanishing ones: one huge step through many time steps can throw the weights
 * far away. Everything stays on the device; the factor {@code maxNorm / max(norm, maxNorm)} is 1 when no clipping is
 * needed, so there is no branch and no copy to the host.
 */
final class GradientClipping {

    private GradientClipping() {}

    /**
     * Returns the global norm √(Σ ‖g‖²) of the parameters' gradients, as a scalar on the device.
     *
     * @param parameters arrays whose gradients were just computed
     * @return the norm
     */
    static NDArray globalNorm(List<NDArray> parameters) {
        NDArray sum = null;
        for (NDArray p : parameters) {
            NDArray squares = p.getGradient().square().sum();
            sum = sum == null ? squares : sum.addi(squares);
        }
        return sum.sqrt();
    }

    /**
     * Scales the gradients in place so that their global norm is at most {@code maxNorm}.
     *
     * @param parameters arrays whose gradients were just computed
     * @param maxNorm the bound, positive
     * @return the global norm before clipping, on the device
     */
    static NDArray clip(List<NDArray> parameters, double maxNorm) {
        NDArray norm = globalNorm(parameters);
        NDArray factor = norm.maximum((float) maxNorm).pow(-1).mul((float) maxNorm);
        for (NDArray p : parameters) {
            p.getGradient().muli(factor);
        }
        return norm;
    }
}
