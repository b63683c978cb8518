package dev.lectern.plugin.linreg;

import java.util.Optional;

/**
 * The closed-form least-squares solution θ = (XᵀX)⁻¹Xᵀy, computed in double precision on centred features (which
 * keeps XᵀX well conditioned for unscaled data such as house sizes) by Gaussian elimination with partial pivoting.
 *
 * @param w the weights in original units
 * @param b the bias
 * @param cost J(w, b) = 1/(2m) Σ (wx + b − y)²
 */
record NormalEquation(double[] w, double b, double cost) {

    /** Solves for row-major features and labels; empty when XᵀX is singular (e.g. a constant or repeated feature). */
    static Optional<NormalEquation> solve(float[] x, float[] y, int rows, int features) {
        double[] mean = new double[features];
        double yMean = 0;
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < features; f++) {
                mean[f] += x[r * features + f];
            }
            yMean += y[r];
        }
        for (int f = 0; f < features; f++) {
            mean[f] /= rows;
        }
        yMean /= rows;
        double[][] a = new double[features][features + 1];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < features; i++) {
                double xi = x[r * features + i] - mean[i];
                for (int j = 0; j < features; j++) {
                    a[i][j] += xi * (x[r * features + j] - mean[j]);
                }
                a[i][features] += xi * (y[r] - yMean);
            }
        }
        Optional<double[]> w = eliminate(a, features);
        if (w.isEmpty()) {
            return Optional.empty();
        }
        double b = yMean;
        for (int f = 0; f < features; f++) {
            b -= w.get()[f] * mean[f];
        }
        return Optional.of(new NormalEquation(w.get(), b, cost(x, y, rows, w.get(), b)));
    }

    static double cost(float[] x, float[] y, int rows, double[] w, double b) {
        int features = w.length;
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            double h = b;
            for (int f = 0; f < features; f++) {
                h += w[f] * x[r * features + f];
            }
            double d = h - y[r];
            sum += d * d;
        }
        return sum / (2.0 * rows);
    }

    private static Optional<double[]> eliminate(double[][] a, int n) {
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(a[i][i]));
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot][col]) <= 1e-12 * Math.max(scale, 1e-300)) {
                return Optional.empty();
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int r = col + 1; r < n; r++) {
                double factor = a[r][col] / a[col][col];
                for (int c = col; c <= n; c++) {
                    a[r][c] -= factor * a[col][c];
                }
            }
        }
        double[] solution = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = a[r][n];
            for (int c = r + 1; c < n; c++) {
                sum -= a[r][c] * solution[c];
            }
            solution[r] = sum / a[r][r];
        }
        return Optional.of(solution);
    }
}
