package dev.lectern.plugin.logreg;

/**
 * The z-score x' = (x − mean) / std fitted on the training data, or the identity. Kept with the model, because a
 * model trained on z-scores must scale every later input the same way.
 *
 * @param mean per feature
 * @param std per feature, population standard deviation (N), never 0
 */
record FeatureScaling(double[] mean, double[] std) {

    /** Returns the scaling that leaves {@code features} values unchanged. */
    static FeatureScaling identity(int features) {
        double[] ones = new double[features];
        java.util.Arrays.fill(ones, 1);
        return new FeatureScaling(new double[features], ones);
    }

    /** Fits mean and population std (as the course's Python port and REFERENCE_RESULTS do) on row-major data. */
    static FeatureScaling fit(float[] x, int features) {
        int rows = x.length / features;
        double[] mean = new double[features];
        double[] std = new double[features];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < features; j++) {
                mean[j] += x[r * features + j];
            }
        }
        for (int j = 0; j < features; j++) {
            mean[j] /= rows;
        }
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < features; j++) {
                double d = x[r * features + j] - mean[j];
                std[j] += d * d;
            }
        }
        for (int j = 0; j < features; j++) {
            std[j] = Math.sqrt(std[j] / rows);
            // A constant column carries no information; dividing by 1 keeps it finite instead of 0/0.
            if (!(std[j] > 0)) {
                std[j] = 1;
            }
        }
        return new FeatureScaling(mean, std);
    }

    boolean isIdentity() {
        for (int j = 0; j < mean.length; j++) {
            if (mean[j] != 0 || std[j] != 1) {
                return false;
            }
        }
        return true;
    }

    /** Returns the scaled copy of row-major data. */
    float[] apply(float[] x) {
        int features = mean.length;
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) ((x[i] - mean[i % features]) / std[i % features]);
        }
        return out;
    }

    /**
     * Maps weights learned on scaled inputs to raw units: W·(x − μ)/σ + b = (W/σ)·x + (b − Σ W μ/σ).
     *
     * @return the raw-unit weights followed by the raw-unit bias
     */
    double[] toRawUnits(float[] w, float b) {
        double[] raw = new double[w.length + 1];
        double bias = b;
        for (int j = 0; j < w.length; j++) {
            raw[j] = w[j] / std[j];
            bias -= w[j] * mean[j] / std[j];
        }
        raw[w.length] = bias;
        return raw;
    }
}
