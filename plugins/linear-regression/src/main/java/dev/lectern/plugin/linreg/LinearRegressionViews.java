package dev.lectern.plugin.linreg;

import dev.lectern.plugin.api.view.Series;
import dev.lectern.plugin.api.view.SeriesStyle;
import dev.lectern.plugin.api.view.View;
import dev.lectern.plugin.api.view.XyChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The fit pictures: the data with the fitted line for one feature, predicted against actual for several. */
final class LinearRegressionViews {

    private LinearRegressionViews() {}

    static List<View> fit(
            List<String> features,
            String label,
            float[] x,
            float[] y,
            double[] w,
            double b,
            Optional<NormalEquation> exact) {
        int rows = y.length;
        int d = features.size();
        double[] ys = new double[rows];
        for (int r = 0; r < rows; r++) {
            ys[r] = y[r];
        }
        if (d == 1) {
            double[] xs = new double[rows];
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < rows; r++) {
                xs[r] = x[r];
                min = Math.min(min, x[r]);
                max = Math.max(max, x[r]);
            }
            double[] ends = {min, max};
            List<Series> series = new ArrayList<>();
            series.add(new Series("data", SeriesStyle.POINTS, xs, ys));
            series.add(new Series(
                    "H(x) = Wx + b", SeriesStyle.LINE, ends, new double[] {w[0] * min + b, w[0] * max + b}));
            exact.ifPresent(ne -> series.add(new Series("normal equation", SeriesStyle.LINE, ends, new double[] {
                ne.w()[0] * ends[0] + ne.b(), ne.w()[0] * ends[1] + ne.b()
            })));
            return List.of(new XyChart("Data and fitted line", features.get(0), label, series));
        }
        double[] predicted = new double[rows];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < rows; r++) {
            double h = b;
            for (int f = 0; f < d; f++) {
                h += w[f] * x[r * d + f];
            }
            predicted[r] = h;
            min = Math.min(min, Math.min(h, ys[r]));
            max = Math.max(max, Math.max(h, ys[r]));
        }
        return List.of(new XyChart(
                "Predicted against actual " + label,
                "actual " + label,
                "predicted " + label,
                List.of(
                        new Series("rows", SeriesStyle.POINTS, ys, predicted),
                        new Series(
                                "perfect fit", SeriesStyle.LINE, new double[] {min, max}, new double[] {min, max}))));
    }
}
