package dev.lectern.plugin.logreg;

import dev.lectern.plugin.api.view.Formulas;
import dev.lectern.plugin.support.Tex;
import java.util.ArrayList;
import java.util.List;

/**
 * The lecture's formulas with the model's numbers (API 1.4): H(x) = σ(W·x + b) with its weights in the data's units,
 * the sigmoid worked through for one training row (its score z and its probability), the cost, and the decision
 * boundary's equation. Drawn for the live pictures after each step and for the result.
 */
final class LogisticFormulas {

    /** Terms written out before the rest are elided, so a wide table still fits a line. */
    private static final int SHOWN_TERMS = 3;

    private LogisticFormulas() {}

    /**
     * The formulas of a classifier on its training data, worked through for row {@code row}.
     *
     * @param model the classifier now
     * @param x the raw features, row-major
     * @param y the labels, 0 or 1
     * @param row the row whose probability is worked through
     * @return the view
     */
    static Formulas of(Classifier model, float[] x, float[] y, int row) {
        double[] raw = model.rawCoefficients();
        int d = model.features();
        List<String> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        lines.add("H(x) = \\sigma(W \\cdot x + b) = \\sigma\\left(" + linear(raw, d, null) + "\\right)");
        notes.add("The weights in the data's units (x_j is " + String.join(", ", model.featureNames()) + ").");
        double[] point = new double[d];
        for (int j = 0; j < d; j++) {
            point[j] = x[row * d + j];
        }
        double z = model.logit(x, row);
        double p = Classifier.sigmoid(z);
        lines.add("z = " + linear(raw, d, point) + " = " + Tex.num(z) + ", \\quad H(x^{(" + (row + 1)
                + ")}) = \\frac{1}{1 + e^{-z}} = " + Tex.num(p));
        notes.add("Row " + (row + 1) + " of the training data, x = (" + coordinates(point) + "), has label y = "
                + (int) y[row] + "; the model says " + model.classOf(p) + " (threshold "
                + LogisticRegressionModel.format(model.threshold()) + ").");
        lines.add("\\mathrm{cost}(W, b) = -\\frac{1}{m}\\sum_i \\left[y^{(i)}\\log H(x^{(i)}) + (1 - y^{(i)})\\log(1 - "
                + "H(x^{(i)}))\\right] = " + Tex.num(model.cost(x, y)));
        notes.add("Over all m = " + y.length + " rows.");
        if (d == 2) {
            lines.add("\\text{decision boundary: } " + linear(raw, d, null) + " = " + Tex.num(model.boundaryLogit()));
            notes.add("The line on the map, where H(x) = " + LogisticRegressionModel.format(model.threshold()) + ".");
        }
        return new Formulas("Formulas with the model's numbers", lines, notes);
    }

    /** w₁x₁ + w₂x₂ + … + b, with the x's named, or with a point's values multiplied in. */
    private static String linear(double[] raw, int d, double[] point) {
        StringBuilder tex = new StringBuilder();
        for (int j = 0; j < Math.min(d, SHOWN_TERMS); j++) {
            String weight = j == 0 ? Tex.num(raw[j]) : Tex.signed(raw[j]);
            String variable = point == null ? " x_{" + (j + 1) + "}" : " \\times " + Tex.factor(point[j]);
            tex.append(weight).append(variable).append(' ');
        }
        if (d > SHOWN_TERMS) {
            tex.append("+ \\cdots ");
        }
        return tex.append(Tex.signed(raw[d])).toString();
    }

    private static String coordinates(double[] point) {
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < Math.min(point.length, 6); j++) {
            parts.add(LogisticRegressionModel.format(point[j]));
        }
        return String.join(", ", parts) + (point.length > 6 ? ", …" : "");
    }
}
