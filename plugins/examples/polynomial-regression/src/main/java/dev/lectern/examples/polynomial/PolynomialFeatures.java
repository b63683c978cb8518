package dev.lectern.examples.polynomial;

import java.util.Arrays;

/**
 * Turns one input x into the d features z_k = (x^k − μ_k) / σ_k, k = 1..d. The powers are computed in double on the
 * host, so even x^10 of large inputs neither overflows nor loses the small ones; only the standardized values, all of
 * order 1, go to the device as floats.
 *
 * @param mean μ_k of each power over the training rows, k = 1..d at index k − 1
 * @param std σ_k (sample standard deviation, N − 1) of each power; 1 where a power is constant
 */
record PolynomialFeatures(double[] mean, double[] std) {

    PolynomialFeatures {
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException(
                    "need one mean and one std per power, got " + mean.length + " and " + std.length);
        }
    }

    /** Fits μ_k and σ_k to the training inputs. */
    static PolynomialFeatures fit(float[] x, int degree) {
        double[] mean = new double[degree];
        double[] std = new double[degree];
        int rows = x.length;
        for (float v : x) {
            double power = 1;
            for (int k = 0; k < degree; k++) {
                power *= v;
                mean[k] += power;
            }
        }
        for (int k = 0; k < degree; k++) {
            mean[k] /= rows;
        }
        for (float v : x) {
            double power = 1;
            for (int k = 0; k < degree; k++) {
                power *= v;
                double d = power - mean[k];
                std[k] += d * d;
            }
        }
        for (int k = 0; k < degree; k++) {
            std[k] = rows > 1 ? Math.sqrt(std[k] / (rows - 1)) : 0;
            if (std[k] == 0 || !Double.isFinite(std[k])) {
                std[k] = 1;
            }
        }
        return new PolynomialFeatures(mean, std);
    }

    /** The degree d: the number of features. */
    int degree() {
        return mean.length;
    }

    /** The standardized features of one input. */
    double[] of(double x) {
        double[] z = new double[degree()];
        double power = 1;
        for (int k = 0; k < z.length; k++) {
            power *= x;
            z[k] = (power - mean[k]) / std[k];
        }
        return z;
    }

    /** The standardized features of every input, row-major ({@code rows × d}), ready for one copy to the device. */
    float[] transform(float[] x) {
        int d = degree();
        float[] out = new float[x.length * d];
        for (int r = 0; r < x.length; r++) {
            double[] z = of(x[r]);
            for (int k = 0; k < d; k++) {
                out[r * d + k] = (float) z[k];
            }
        }
        return out;
    }

    /** H(x) = b + Σ w_k z_k(x) with the weights as trained (on standardized features). */
    double predict(double x, double[] w, double b) {
        double[] z = of(x);
        double h = b;
        for (int k = 0; k < z.length; k++) {
            h += w[k] * z[k];
        }
        return h;
    }

    /**
     * The coefficients in the units of x: since z_k = (x^k − μ_k) / σ_k, H = (b − Σ w_k μ_k / σ_k) + Σ (w_k / σ_k) x^k.
     *
     * @return θ_0..θ_d
     */
    double[] originalCoefficients(double[] w, double b) {
        double[] theta = new double[degree() + 1];
        theta[0] = b;
        for (int k = 0; k < degree(); k++) {
            theta[k + 1] = w[k] / std[k];
            theta[0] -= w[k] * mean[k] / std[k];
        }
        return theta;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PolynomialFeatures f && Arrays.equals(mean, f.mean) && Arrays.equals(std, f.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "PolynomialFeatures[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
