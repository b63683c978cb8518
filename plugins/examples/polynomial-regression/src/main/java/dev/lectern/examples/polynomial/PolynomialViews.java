package dev.lectern.examples.polynomial;

import dev.lectern.plugin.api.view.Series;
import dev.lectern.plugin.api.view.SeriesStyle;
import dev.lectern.plugin.api.view.TableView;
import dev.lectern.plugin.api.view.View;
import dev.lectern.plugin.api.view.XyChart;
import java.util.ArrayList;
import java.util.List;

/** The pictures of a fit, described as data: the workbench draws them, the plugin ships no templates or scripts. */
final class PolynomialViews {

    /** Points of the fitted curve: enough to look smooth at degree 10. */
    static final int CURVE_POINTS = 200;

    private PolynomialViews() {}

    static List<View> of(
            String feature,
            String label,
            float[] x,
            float[] y,
            PolynomialFeatures features,
            double[] w,
            double b,
            double[] theta) {
        return List.of(fit(feature, label, x, y, features, w, b), coefficients(features, w, theta));
    }

    /** The data as points and H(x) as a line over a fine grid from the smallest to the largest x. */
    static XyChart fit(
            String feature, String label, float[] x, float[] y, PolynomialFeatures features, double[] w, double b) {
        double[] xs = new double[x.length];
        double[] ys = new double[y.length];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < x.length; r++) {
            xs[r] = x[r];
            ys[r] = y[r];
            min = Math.min(min, x[r]);
            max = Math.max(max, x[r]);
        }
        double[] gridX = new double[CURVE_POINTS];
        double[] gridY = new double[CURVE_POINTS];
        for (int i = 0; i < CURVE_POINTS; i++) {
            gridX[i] = min + (max - min) * i / (CURVE_POINTS - 1);
            gridY[i] = features.predict(gridX[i], w, b);
        }
        return new XyChart(
                "Data and fitted curve",
                feature,
                label,
                List.of(
                        new Series("data", SeriesStyle.POINTS, xs, ys),
                        new Series("H(x), degree " + features.degree(), SeriesStyle.LINE, gridX, gridY)));
    }

    /** θ_k in the units of x beside the weight actually trained on the standardized feature z_k. */
    static TableView coefficients(PolynomialFeatures features, double[] w, double[] theta) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("0", "1", PolynomialModel.format(theta[0]), ""));
        for (int k = 1; k < theta.length; k++) {
            rows.add(List.of(
                    Integer.toString(k),
                    k == 1 ? "x" : "x^" + k,
                    PolynomialModel.format(theta[k]),
                    PolynomialModel.format(w[k - 1])));
        }
        return new TableView("Coefficients", List.of("k", "term", "θ_k", "weight on standardized z_k"), rows);
    }
}
