package dev.lectern.plugin.softmax;

import java.util.List;

/**
 * The learned W and b on the host, with the feature scaling they were trained under, so that scoring one input needs
 * no native memory.
 *
 * @param featureNames the feature names, in input order
 * @param labelName the label column's name
 * @param classes the number of classes k
 * @param w the weights, row-major classes × features (DJL's Linear layout: one row per output unit)
 * @param b the biases, one per class
 * @param mean the per-feature mean subtracted before scoring
 * @param scale the per-feature divisor applied after the mean
 */
record SoftmaxWeights(
        List<String> featureNames, String labelName, int classes, float[] w, float[] b, float[] mean, float[] scale) {

    /** Checks the shapes, so a damaged saved model fails on load rather than on the first prediction. */
    SoftmaxWeights {
        featureNames = List.copyOf(featureNames);
        int d = featureNames.size();
        if (w.length != classes * d || b.length != classes || mean.length != d || scale.length != d) {
            throw new IllegalArgumentException(
                    "softmax weights do not fit " + classes + " classes x " + d + " features");
        }
    }

    int features() {
        return featureNames.size();
    }

    /**
     * Scores a raw input row, scaling it first exactly as the training rows were scaled.
     *
     * @param raw one value per feature, in the table's units
     * @return the logits y = xWᵀ + b, one per class
     */
    double[] logits(float[] raw) {
        float[] scaled = new float[features()];
        for (int f = 0; f < scaled.length; f++) {
            scaled[f] = (raw[f] - mean[f]) / scale[f];
        }
        return scaledLogits(scaled, 0);
    }

    /**
     * Scores one row of already scaled features.
     *
     * @param scaled row-major scaled features
     * @param row the row to score
     * @return the logits, one per class
     */
    double[] scaledLogits(float[] scaled, int row) {
        int d = features();
        double[] y = new double[classes];
        for (int c = 0; c < classes; c++) {
            double sum = b[c];
            for (int f = 0; f < d; f++) {
                sum += (double) w[c * d + f] * scaled[row * d + f];
            }
            y[c] = sum;
        }
        return y;
    }
}
