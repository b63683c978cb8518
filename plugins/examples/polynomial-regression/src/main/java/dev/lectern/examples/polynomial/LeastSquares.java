package dev.lectern.examples.polynomial;

import java.util.Optional;

/**
 * The exact minimum of the cost for comparison, from the normal equations (AᵀA) β = Aᵀy with A = [1 z_1 … z_d],
 * solved in double by Gaussian elimination. The standardized features keep AᵀA reasonably conditioned.
 *
 * @param w the weights on the standardized features
 * @param b the intercept
 * @param cost the mean squared error at the optimum
 */
record LeastSquares(double[] w, double b, double cost) {

    /**
     * Solves for the optimum.
     *
     * @param z standardized features, row-major {@code rows × d}
     * @param y labels
     * @param d the number of features
     * @return the optimum, empty when the system is (numerically) singular
     */
    static Optional<LeastSquares> solve(float[] z, float[] y, int d) {
        int rows = y.length;
        int n = d + 1;
        double[][] a = new double[n][n + 1];
        double[] row = new double[n];
        for (int r = 0; r < rows; r++) {
            row[0] = 1;
            for (int k = 0; k < d; k++) {
                row[k + 1] = z[r * d + k];
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] += row[i] * row[j];
                }
                a[i][n] += row[i] * y[r];
            }
        }
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(a[i][i]));
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int i = col + 1; i < n; i++) {
                if (Math.abs(a[i][col]) > Math.abs(a[pivot][col])) {
                    pivot = i;
                }
            }
            if (!(Math.abs(a[pivot][col]) > 1e-12 * scale)) {
                return Optional.empty();
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int i = col + 1; i < n; i++) {
                double f = a[i][col] / a[col][col];
                for (int j = col; j <= n; j++) {
                    a[i][j] -= f * a[col][j];
                }
            }
        }
        double[] beta = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = a[i][n];
            for (int j = i + 1; j < n; j++) {
                s -= a[i][j] * beta[j];
            }
            beta[i] = s / a[i][i];
        }
        double[] w = new double[d];
        System.arraycopy(beta, 1, w, 0, d);
        double cost = 0;
        for (int r = 0; r < rows; r++) {
            double h = beta[0];
            for (int k = 0; k < d; k++) {
                h += w[k] * z[r * d + k];
            }
            cost += (h - y[r]) * (h - y[r]);
        }
        cost /= rows;
        return Double.isFinite(cost) ? Optional.of(new LeastSquares(w, beta[0], cost)) : Optional.empty();
    }
}
