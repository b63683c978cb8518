package dev.lectern.plugin.mlp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.optimizer.Optimizer;
import dev.lectern.plugin.support.DropoutMasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The network while it trains: per layer a weight and a bias array on the device with gradients on, a forward pass
 * of fused {@code Linear.linear} calls, and the optimizer's fused update per array.
 */
final class DeviceNet {

    private final int[] sizes;
    private final String activation;
    private final DropoutMasks dropout;
    private final List<NDArray> weights = new ArrayList<>();
    private final List<NDArray> biases = new ArrayList<>();

    DeviceNet(NDManager manager, int[] sizes, String activation, String init, DropoutMasks dropout, Random random) {
        this.sizes = sizes.clone();
        this.activation = activation;
        this.dropout = dropout;
        for (int l = 0; l + 1 < sizes.length; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double std = switch (init) {
                case "xavier" -> Math.sqrt(2.0 / (in + out));
                case "he" -> Math.sqrt(2.0 / in);
                default -> 1.0;
            };
            float[] w = new float[in * out];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (random.nextGaussian() * std);
            }
            float[] b = new float[out];
            if ("normal".equals(init)) {
                for (int i = 0; i < b.length; i++) {
                    b[i] = (float) random.nextGaussian();
                }
            }
            NDArray wa = manager.create(w, new Shape(out, in));
            NDArray ba = manager.create(b, new Shape(out));
            wa.setRequiresGradient(true);
            ba.setRequiresGradient(true);
            weights.add(wa);
            biases.add(ba);
        }
    }

    int layers() {
        return weights.size();
    }

    /** Class scores (logits); dropout only when training, after every hidden layer, with the run's own masks. */
    NDArray forward(NDArray x, boolean training) {
        return forward(x, weights, biases, activation, training ? dropout::apply : h -> h);
    }

    /**
     * The forward pass itself, also the gradient check's: per layer a fused {@code Linear.linear}, then on hidden
     * layers the activation and {@code afterHidden} (dropout while training, nothing otherwise).
     */
    static NDArray forward(
            NDArray x,
            List<NDArray> weights,
            List<NDArray> biases,
            String activation,
            java.util.function.UnaryOperator<NDArray> afterHidden) {
        NDArray h = x;
        for (int l = 0; l < weights.size(); l++) {
            h = Linear.linear(h, weights.get(l), biases.get(l)).singletonOrThrow();
            if (l + 1 < weights.size()) {
                h = switch (activation) {
                    case "sigmoid" -> Activation.sigmoid(h);
                    case "tanh" -> Activation.tanh(h);
                    default -> Activation.relu(h);
                };
                h = afterHidden.apply(h);
            }
        }
        return h;
    }

    /** Frobenius norm of every layer's weight gradient (input side first); call after backward, before update. */
    double[] gradientNorms() {
        double[] norms = new double[weights.size()];
        for (int l = 0; l < norms.length; l++) {
            norms[l] = weights.get(l).getGradient().norm().getFloat();
        }
        return norms;
    }

    void update(Optimizer optimizer) {
        for (int l = 0; l < weights.size(); l++) {
            optimizer.update("W" + l, weights.get(l), weights.get(l).getGradient());
            optimizer.update("b" + l, biases.get(l), biases.get(l).getGradient());
        }
    }

    List<float[]> hostWeights() {
        return weights.stream().map(NDArray::toFloatArray).toList();
    }

    List<float[]> hostBiases() {
        return biases.stream().map(NDArray::toFloatArray).toList();
    }

    int[] sizes() {
        return sizes.clone();
    }
}
