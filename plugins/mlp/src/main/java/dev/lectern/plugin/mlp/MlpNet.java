package dev.lectern.plugin.mlp;

import dev.lectern.plugin.support.Probabilities;
import java.util.List;

/**
 * A trained network's numbers on the host: per layer a weight matrix (row-major out × in, DJL's Linear layout) and
 * a bias vector, with the input scaling it was trained under. Scoring one input or a grid of a few thousand needs no
 * native memory; the same arithmetic before and after saving gives identical predictions.
 *
 * @param featureNames the input names (feature columns, or "pixel" for images)
 * @param hidden the hidden layers' widths
 * @param activation sigmoid, tanh or relu
 * @param classNames the class names, one per output unit
 * @param weights per layer, out × in, row-major
 * @param biases per layer, out
 * @param mean per-input value subtracted before scoring
 * @param scale per-input divisor applied after the mean
 */
record MlpNet(
        List<String> featureNames,
        int[] hidden,
        String activation,
        List<String> classNames,
        List<float[]> weights,
        List<float[]> biases,
        float[] mean,
        float[] scale) {

    MlpNet {
        featureNames = List.copyOf(featureNames);
        classNames = List.copyOf(classNames);
        weights = List.copyOf(weights);
        biases = List.copyOf(biases);
        int[] sizes = sizes(featureNames.size(), hidden, classNames.size());
        if (weights.size() != sizes.length - 1
                || biases.size() != sizes.length - 1
                || mean.length != sizes[0]
                || scale.length != sizes[0]) {
            throw new IllegalArgumentException(
                    "network parameters do not fit the layers " + java.util.Arrays.toString(sizes));
        }
        for (int l = 0; l < weights.size(); l++) {
            if (weights.get(l).length != sizes[l] * sizes[l + 1] || biases.get(l).length != sizes[l + 1]) {
                throw new IllegalArgumentException(
                        "layer " + (l + 1) + " does not have " + sizes[l] + " x " + sizes[l + 1] + " weights");
            }
        }
    }

    /** Units per layer, input first, output last. */
    static int[] sizes(int inputs, int[] hidden, int classes) {
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = inputs;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = classes;
        return sizes;
    }

    int inputs() {
        return featureNames.size();
    }

    int classes() {
        return classNames.size();
    }

    /** The weights and biases of a network of these layer sizes, input first. */
    static long parameterCount(int[] sizes) {
        long n = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            n += (long) sizes[l] * sizes[l + 1] + sizes[l + 1];
        }
        return n;
    }

    long parameterCount() {
        long n = 0;
        for (int l = 0; l < weights.size(); l++) {
            n += weights.get(l).length + biases.get(l).length;
        }
        return n;
    }

    /** Class probabilities of one raw input (in the table's units). */
    double[] probabilities(float[] raw) {
        double[] h = scaled(raw);
        for (int l = 0; l < weights.size(); l++) {
            h = layer(l, h);
            if (l < weights.size() - 1) {
                activate(h);
            }
        }
        return Probabilities.softmax(h);
    }

    /** The first hidden layer's outputs for one raw input, empty without hidden layers. */
    double[] firstHidden(float[] raw) {
        if (hidden.length == 0) {
            return new double[0];
        }
        double[] h = layer(0, scaled(raw));
        activate(h);
        return h;
    }

    private double[] scaled(float[] raw) {
        double[] x = new double[raw.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = ((double) raw[i] - mean[i]) / scale[i];
        }
        return x;
    }

    private double[] layer(int l, double[] in) {
        float[] w = weights.get(l);
        float[] b = biases.get(l);
        double[] out = new double[b.length];
        for (int o = 0; o < out.length; o++) {
            double sum = b[o];
            int row = o * in.length;
            for (int i = 0; i < in.length; i++) {
                sum += w[row + i] * in[i];
            }
            out[o] = sum;
        }
        return out;
    }

    private void activate(double[] h) {
        for (int i = 0; i < h.length; i++) {
            h[i] = switch (activation) {
                case "sigmoid" -> 1 / (1 + Math.exp(-h[i]));
                case "tanh" -> Math.tanh(h[i]);
                default -> Math.max(0, h[i]);
            };
        }
    }
}
