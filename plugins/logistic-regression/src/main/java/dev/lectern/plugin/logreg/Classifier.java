package dev.lectern.plugin.logreg;

import java.util.List;

/**
 * The fitted H(x) = σ(W·x' + b) on the host, where x' is the scaled input: a handful of numbers, so views, the final
 * cost and predictions need no native memory, and a loaded model computes exactly what the trained one did.
 *
 * @param featureNames the feature columns' names
 * @param labelName the label column's name
 * @param w the weights, in scaled units
 * @param b the bias, in scaled units
 * @param scaling how raw inputs are scaled before W applies
 * @param threshold predict class 1 when H(x) is at least this
 */
record Classifier(
        List<String> featureNames, String labelName, float[] w, float b, FeatureScaling scaling, double threshold) {

    /** Copies the names. */
    Classifier {
        featureNames = List.copyOf(featureNames);
    }

    int features() {
        return w.length;
    }

    /** Returns W·x' + b for the raw features of row {@code row} of row-major data. */
    double logit(float[] x, int row) {
        int d = w.length;
        double z = b;
        for (int j = 0; j < d; j++) {
            z += w[j] * ((x[row * d + j] - scaling.mean()[j]) / scaling.std()[j]);
        }
        return z;
    }

    /** Returns H(x) = P(y = 1 | x) for raw features. */
    double probability(float[] x) {
        return sigmoid(logit(x, 0));
    }

    /** Returns the logit at which H(x) equals the threshold: the decision boundary is W·x' + b = this. */
    double boundaryLogit() {
        return logitOf(threshold);
    }

    /** Returns the inverse of the sigmoid, ln(p / (1 − p)). */
    static double logitOf(double probability) {
        return Math.log(probability / (1 - probability));
    }

    /** Returns the class for a probability. */
    int classOf(double probability) {
        return probability >= threshold ? 1 : 0;
    }

    /** Returns W then b in raw units, whatever the scaling. */
    double[] rawCoefficients() {
        return scaling.toRawUnits(w, b);
    }

    /**
     * Returns the mean cross-entropy −1/m Σ [y log H + (1 − y) log(1 − H)] in nats, computed as softplus(z) − y·z in
     * double so that it stays finite for confident wrong answers.
     */
    double cost(float[] x, float[] y) {
        double sum = 0;
        for (int r = 0; r < y.length; r++) {
            double z = logit(x, r);
            sum += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y[r] * z;
        }
        return sum / y.length;
    }

    /** Returns the confusion counts on row-major data: {@code counts[true class][predicted class]}. */
    long[][] confusion(float[] x, float[] y) {
        long[][] counts = new long[2][2];
        for (int r = 0; r < y.length; r++) {
            counts[(int) y[r]][classOf(sigmoid(logit(x, r)))]++;
        }
        return counts;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
