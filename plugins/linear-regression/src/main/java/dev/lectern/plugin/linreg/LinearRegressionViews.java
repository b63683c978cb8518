package dev.lectern.plugin.linreg;

import dev.lectern.plugin.api.view.Series;
import dev.lectern.plugin.api.view.SeriesStyle;
import dev.lectern.plugin.api.view.View;
import dev.lectern.plugin.api.view.XyChart;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The lesson's pictures: the data with the fitted line, or predicted against actual for several features. */
final class LinearRegressionViews {

    private LinearRegressionViews() {}

    static List<View> of(List<String> features, String label, float[] x, float[] y, ToDoubleFunction<float[]> model) {
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
            double[] lineX = {min, max};
            double[] lineY = {model.applyAsDouble(new float[] {(float) min}), model.applyAsDouble(new float[] {(float) max})};
            return List.of(new XyChart("Data and fitted line", features.get(0), label, List.of(
                    new Series("data", SeriesStyle.POINTS, xs, ys),
                    new Series("H(x) = Wx + b", SeriesStyle.LINE, lineX, lineY))));
        }
        double[] predicted = new double[rows];
        float[] row = new float[d];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < rows; r++) {
            System.arraycopy(x, r * d, row, 0, d);
            predicted[r] = model.applyAsDouble(row);
            min = Math.min(min, Math.min(predicted[r], ys[r]));
            max = Math.max(max, Math.max(predicted[r], ys[r]));
        }
        return List.of(new XyChart("Predicted against actual " + label, "actual " + label, "predicted " + label, List.of(
                new Series("rows", SeriesStyle.POINTS, ys, predicted),
                new Series("perfect fit", SeriesStyle.LINE, new double[] {min, max}, new double[] {min, max}))));
    }
}
