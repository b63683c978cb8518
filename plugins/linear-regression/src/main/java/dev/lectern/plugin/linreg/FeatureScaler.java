package dev.lectern.plugin.linreg;

import java.util.Arrays;

/**
 * Z-scores features (x − mean) / std with the sample standard deviation (N − 1), as the course's Octave code does,
 * and maps weights learned on scaled features back to the original units.
 */
final class FeatureScaler {

    private final double[] mean;
    private final double[] std;

    private FeatureScaler(double[] mean, double[] std) {
        this.mean = mean;
        this.std = std;
    }

    /** A scaler that changes nothing, for runs without scaling. */
    static FeatureScaler identity(int features) {
        double[] ones = new double[features];
        Arrays.fill(ones, 1);
        return new FeatureScaler(new double[features], ones);
    }

    /** Fits mean and standard deviation per feature of row-major data; a constant feature keeps std 1. */
    static FeatureScaler fit(float[] x, int rows, int features) {
        double[] mean = new double[features];
        double[] std = new double[features];
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < features; f++) {
                mean[f] += x[r * features + f];
            }
        }
        for (int f = 0; f < features; f++) {
            mean[f] /= rows;
        }
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < features; f++) {
                double d = x[r * features + f] - mean[f];
                std[f] += d * d;
            }
        }
        for (int f = 0; f < features; f++) {
            std[f] = rows > 1 ? Math.sqrt(std[f] / (rows - 1)) : 0;
            if (std[f] == 0 || !Double.isFinite(std[f])) {
                std[f] = 1;
            }
        }
        return new FeatureScaler(mean, std);
    }

    /** Returns scaled copies of row-major data. */
    float[] apply(float[] x) {
        int features = mean.length;
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            int f = i % features;
            out[i] = (float) ((x[i] - mean[f]) / std[f]);
        }
        return out;
    }

    /** Weights in original units: W = W' / std. */
    double[] originalWeights(double[] scaledW) {
        double[] w = new double[scaledW.length];
        for (int f = 0; f < w.length; f++) {
            w[f] = scaledW[f] / std[f];
        }
        return w;
    }

    /** Bias in original units: b = b' − Σ W' · mean / std. */
    double originalBias(double[] scaledW, double scaledB) {
        double b = scaledB;
        for (int f = 0; f < scaledW.length; f++) {
            b -= scaledW[f] * mean[f] / std[f];
        }
        return b;
    }

    /** Weight in scaled units, for drawing original-unit solutions on the scaled cost surface. */
    double scaledWeight(int feature, double w) {
        return w * std[feature];
    }

    /** Bias in scaled units for single-feature weights. */
    double scaledBias(double w, double b) {
        return b + w * mean[0];
    }
}
