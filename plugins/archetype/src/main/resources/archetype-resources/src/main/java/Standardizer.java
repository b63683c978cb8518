package ${package};

/** Per-column mean and standard deviation, so that one learning rate suits every feature. */
record Standardizer(double[] mean, double[] sd) {

    Standardizer {
        mean = mean.clone();
        sd = sd.clone();
    }

    /** Fits the scaling to row-major values with {@code n} columns. */
    static Standardizer fit(float[] values, int n) {
        int rows = values.length / n;
        double[] mean = new double[n];
        double[] sd = new double[n];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < n; c++) {
                mean[c] += values[r * n + c];
            }
        }
        for (int c = 0; c < n; c++) {
            mean[c] /= rows;
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < n; c++) {
                double d = values[r * n + c] - mean[c];
                sd[c] += d * d;
            }
        }
        for (int c = 0; c < n; c++) {
            sd[c] = Math.sqrt(sd[c] / rows);
            if (!(sd[c] > 1e-12)) {
                sd[c] = 1; // a constant column stays at 0 after centring
            }
        }
        return new Standardizer(mean, sd);
    }

    /** The standardized value of column {@code c}. */
    double apply(int c, double value) {
        return (value - mean[c]) / sd[c];
    }

    /** Standardizes row-major values with as many columns as this scaling has. */
    float[] apply(float[] values) {
        int n = mean.length;
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) apply(i % n, values[i]);
        }
        return out;
    }
}
