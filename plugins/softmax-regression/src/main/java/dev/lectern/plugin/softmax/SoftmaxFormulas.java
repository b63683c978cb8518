package dev.lectern.plugin.softmax;

import dev.lectern.plugin.api.view.Formulas;
import dev.lectern.plugin.support.Probabilities;
import dev.lectern.plugin.support.Tex;
import java.util.ArrayList;
import java.util.List;

/**
 * The lecture's S(y) slide with the model's numbers (API 1.4): one sample's logits y = xW + b, their softmax
 * probabilities, the class it picks, and the cost, drawn for the live pictures after each step and for the result.
 */
final class SoftmaxFormulas {

    /** Classes written out before the rest are elided. */
    private static final int SHOWN_CLASSES = 10;

    private SoftmaxFormulas() {}

    /**
     * The formulas for one sample.
     *
     * @param weights the model now
     * @param x the sample's row-major scaled features
     * @param row the sample's row in {@code x}
     * @param tableRow the sample's 0-based row in the data set, for the note
     * @param truth its true class
     * @param cost the mean cross-entropy over the training rows, NaN when it was not measured
     * @param rows the training rows it was measured on
     * @return the view
     */
    static Formulas of(SoftmaxWeights weights, float[] x, int row, int tableRow, int truth, double cost, int rows) {
        double[] logits = weights.scaledLogits(x, row);
        double[] p = Probabilities.softmax(logits);
        int predicted = Probabilities.argMax(p);
        List<String> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        lines.add("y = xW + b = " + vector(logits));
        notes.add("The logits of data row " + (tableRow + 1) + ", one per class.");
        lines.add("S(y)_i = \\frac{e^{y_i}}{\\sum_j e^{y_j}}, \\quad S(y) = " + vector(p));
        notes.add("");
        lines.add("\\hat{t} = \\arg\\max_i S(y)_i = " + predicted + ", \\quad -\\log S(y)_{t} = -\\log "
                + Tex.num(p[truth]) + " = " + Tex.num(-Math.log(p[truth])));
        notes.add("The model picks class " + predicted + "; the true class is t = " + truth
                + (predicted == truth ? "." : ", so this sample counts as a mistake."));
        if (Double.isFinite(cost)) {
            lines.add("\\mathrm{cost}(W, b) = -\\frac{1}{m}\\sum_{i=1}^{m} \\log S(y^{(i)})_{t^{(i)}} = "
                    + Tex.num(cost));
            notes.add("Over all m = " + rows + " training rows.");
        }
        return new Formulas("S(y) with the model's numbers", lines, notes);
    }

    private static String vector(double[] values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(values.length, SHOWN_CLASSES); i++) {
            parts.add(Tex.num(values[i]));
        }
        if (values.length > SHOWN_CLASSES) {
            parts.add("\\ldots");
        }
        return "\\left(" + String.join(",\\ ", parts) + "\\right)";
    }
}
