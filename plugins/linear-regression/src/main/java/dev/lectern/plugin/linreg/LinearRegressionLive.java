package dev.lectern.plugin.linreg;

import dev.lectern.plugin.api.view.Formulas;
import dev.lectern.plugin.api.view.Series;
import dev.lectern.plugin.api.view.SeriesStyle;
import dev.lectern.plugin.api.view.View;
import dev.lectern.plugin.support.Tex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lesson pictures of a run as it trains (API 1.4): the data with the line the parameters draw now, the cost surface
 * with the path so far, the point now and the last update as an arrow, and the formulas with this step's numbers
 * filled in (the seed deck's step-through figure: {@code W := 0.5000 - 0.01 \times 3.214 = 0.4679}).
 *
 * <p>Drawn on the host from a few numbers the loop copies only when the workbench asks for pictures; everything here
 * is O(rows) at most.
 */
final class LinearRegressionLive {

    /** The live surface is coarser than the final one: it is read again after every single step. */
    private static final int LIVE_GRID = 48;
    /** The direction of steepest descent is drawn this long, as a share of the surface's W span. */
    private static final double DIRECTION_SHARE = 0.12;

    /**
     * One gradient-descent update, as the trained (possibly standardized) parameters saw it.
     *
     * @param step the step, from 0; the model has taken step + 1 updates after it
     * @param wBefore the weights before
     * @param bBefore the bias before
     * @param gradW the gradient of the cost in the weights
     * @param gradB the gradient in the bias
     * @param alpha the learning rate the update used
     * @param wAfter the weights after
     * @param bAfter the bias after
     * @param cost the cost of the batch before the update
     */
    record Update(
            long step,
            double[] wBefore,
            double bBefore,
            double[] gradW,
            double gradB,
            double alpha,
            double[] wAfter,
            double bAfter,
            double cost) {}

    private final List<String> features;
    private final String label;
    private final float[] x;
    private final float[] y;
    private final float[] trainedX;
    private final FeatureScaler scaler;
    private final boolean scaled;
    private final Optional<NormalEquation> exact;
    private final DescentPath path;
    private final boolean plainDescent;
    private Update last;

    LinearRegressionLive(
            List<String> features,
            String label,
            float[] x,
            float[] y,
            float[] trainedX,
            FeatureScaler scaler,
            boolean scaled,
            Optional<NormalEquation> exact,
            DescentPath path,
            boolean plainDescent) {
        this.plainDescent = plainDescent;
        this.features = features;
        this.label = label;
        this.x = x;
        this.y = y;
        this.trainedX = trainedX;
        this.scaler = scaler;
        this.scaled = scaled;
        this.exact = exact;
        this.path = path;
    }

    /** Remembers the update a step made, for the pictures drawn after it. */
    void updated(Update update) {
        this.last = update;
    }

    /**
     * The pictures of the model after {@code updates} steps with these trained parameters.
     *
     * @param updates the optimizer steps taken
     * @param w the trained weights now
     * @param b the trained bias now
     * @return the fitted line, the surface (one feature) and the formulas
     */
    List<View> views(long updates, double[] w, double b) {
        double[] originalW = scaler.originalWeights(w);
        double originalB = scaler.originalBias(w, b);
        Update update = last != null && last.step() + 1 == updates ? last : null;
        List<View> views =
                new ArrayList<>(LinearRegressionViews.fit(features, label, x, y, originalW, originalB, exact));
        if (path != null) {
            views.add(surface(updates, w[0], b, update));
        }
        views.add(formulas(updates, originalW, originalB, update));
        return views;
    }

    /**
     * The formulas of the trained model, for its result.
     *
     * @param steps the run's steps
     * @param originalW the weights in the data's units
     * @param originalB the bias in the data's units
     * @return the formulas with the final numbers
     */
    Formulas result(long steps, double[] originalW, double originalB) {
        return formulas(steps, originalW, originalB, null);
    }

    private View surface(long updates, double w, double b, Update update) {
        double[] pathW = append(path.w(), w);
        double[] pathB = append(path.b(), b);
        double optimumW = exact.map(ne -> scaler.scaledWeight(0, ne.w()[0])).orElse(w);
        double optimumB = exact.map(ne -> scaler.scaledBias(ne.w()[0], ne.b())).orElse(b);
        List<Series> marks = new ArrayList<>();
        marks.add(new Series(
                "now, after " + updates + (updates == 1 ? " step" : " steps"),
                SeriesStyle.POINTS,
                new double[] {w},
                new double[] {b}));
        if (update != null) {
            marks.add(new Series(
                    "last update \u2212\u03b1\u2207J (step " + update.step() + ")",
                    SeriesStyle.ARROW,
                    new double[] {update.wBefore()[0], update.wAfter()[0]},
                    new double[] {update.bBefore(), update.bAfter()}));
        }
        double[] gradient = gradient(w, b);
        double norm = Math.hypot(gradient[0], gradient[1]);
        if (norm > 0 && Double.isFinite(norm)) {
            double[] span = CostSurface.range(pathW, optimumW);
            double length = DIRECTION_SHARE * (span[1] - span[0]);
            marks.add(new Series(
                    "\u2212\u2207J here, the next step's direction (length not to scale)",
                    SeriesStyle.ARROW,
                    new double[] {w, w - length * gradient[0] / norm},
                    new double[] {b, b - length * gradient[1] / norm}));
        }
        String suffix = scaled ? " (on standardized x)" : "";
        return CostSurface.of(
                trainedX, y, pathW, pathB, optimumW, optimumB, "W" + suffix, "b" + suffix, marks, LIVE_GRID);
    }

    /** The full-batch gradient of J at (w, b), on the features as trained. */
    private double[] gradient(double w, double b) {
        int m = y.length;
        double gw = 0;
        double gb = 0;
        for (int i = 0; i < m; i++) {
            double error = w * trainedX[i] + b - y[i];
            gw += error * trainedX[i];
            gb += error;
        }
        return new double[] {gw / m, gb / m};
    }

    private Formulas formulas(long updates, double[] w, double b, Update update) {
        List<String> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        lines.add(hypothesis(w, b));
        notes.add("The line the parameters draw after " + updates + " steps, in the data's units.");
        double cost = NormalEquation.cost(x, y, y.length, w, b);
        lines.add("\\mathrm{cost}(W, b) = \\frac{1}{2m} \\sum_{i=1}^{m} \\left( H(x^{(i)}) - y^{(i)} \\right)^2 = "
                + Tex.num(cost));
        notes.add("Over all m = " + y.length + " rows, with the parameters now.");
        if (update != null) {
            String[] names = weightNames(update.wBefore().length);
            int shown = Math.min(names.length, 3);
            for (int f = 0; f < shown; f++) {
                lines.add(step(names[f], update.wBefore()[f], update.alpha(), update.gradW()[f], update.wAfter()[f]));
                notes.add(
                        f == 0
                                ? "Step " + update.step() + "'s update"
                                        + (scaled ? ", on the standardized features as trained" : "")
                                        + "; the batch's cost before it was " + Tex.num(update.cost()) + "."
                                        + (plainDescent
                                                ? ""
                                                : " This optimizer's update is not alpha times the gradient: it carries"
                                                        + " what earlier steps did.")
                                : "");
            }
            lines.add(step("b", update.bBefore(), update.alpha(), update.gradB(), update.bAfter()));
            notes.add("");
        }
        return new Formulas(
                update != null ? "Formulas with this step's numbers" : "Formulas with the model's numbers",
                lines,
                notes);
    }

    private String step(String name, double before, double alpha, double gradient, double after) {
        if (!plainDescent) {
            return name + ": " + Tex.num(before) + " \\to " + Tex.num(after) + ", \\quad \\frac{\\partial}{\\partial "
                    + name + "} \\mathrm{cost}(W, b) = " + Tex.num(gradient) + ", \\quad \\alpha = " + Tex.given(alpha);
        }
        return name + " := " + name + " - \\alpha \\frac{\\partial}{\\partial " + name + "} \\mathrm{cost}(W, b) = "
                + Tex.num(before) + " - " + Tex.given(alpha) + " \\times " + Tex.factor(gradient) + " = "
                + Tex.num(after);
    }

    private String hypothesis(double[] w, double b) {
        StringBuilder tex = new StringBuilder("H(x) = ");
        if (w.length == 1) {
            tex.append(Tex.num(w[0])).append("x ");
        } else {
            for (int f = 0; f < w.length; f++) {
                tex.append(f == 0 ? Tex.num(w[f]) : Tex.signed(w[f]))
                        .append(" x_{")
                        .append(f + 1)
                        .append("} ");
            }
        }
        return tex.append(Tex.signed(b)).toString();
    }

    private static String[] weightNames(int count) {
        String[] names = new String[count];
        for (int f = 0; f < count; f++) {
            names[f] = count == 1 ? "W" : "W_{" + (f + 1) + "}";
        }
        return names;
    }

    private static double[] append(double[] values, double value) {
        double[] out = java.util.Arrays.copyOf(values, values.length + 1);
        out[values.length] = value;
        return out;
    }
}
