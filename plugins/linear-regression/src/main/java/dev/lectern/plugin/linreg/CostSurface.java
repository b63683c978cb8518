package dev.lectern.plugin.linreg;

import dev.lectern.plugin.api.view.Heatmap;
import dev.lectern.plugin.api.view.Series;
import dev.lectern.plugin.api.view.SeriesStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * The lecture's picture for one feature: J(W, b) over a grid around the descent path and the optimum, with the path
 * drawn on it. J is quadratic, so five sums over the data give every grid point in O(1).
 */
final class CostSurface {

    private static final int GRID = 80;
    private static final int LEVELS = 14;

    private CostSurface() {}

    static Heatmap of(
            float[] x,
            float[] y,
            double[] pathW,
            double[] pathB,
            double optimumW,
            double optimumB,
            String weightLabel,
            String biasLabel) {
        return of(x, y, pathW, pathB, optimumW, optimumB, weightLabel, biasLabel, List.of(), GRID);
    }

    /**
     * The surface with more marks over it (the point now, the last update) on a grid of {@code grid} x {@code grid}:
     * a run's live pictures use a coarser one, since the page reads them after every single step.
     */
    static Heatmap of(
            float[] x,
            float[] y,
            double[] pathW,
            double[] pathB,
            double optimumW,
            double optimumB,
            String weightLabel,
            String biasLabel,
            List<Series> marks,
            int grid) {
        int m = y.length;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < m; i++) {
            sx += x[i];
            sy += y[i];
            sxx += (double) x[i] * x[i];
            sxy += (double) x[i] * y[i];
            syy += (double) y[i] * y[i];
        }
        double[] wRange = range(pathW, optimumW);
        double[] bRange = range(pathB, optimumB);
        double[] ws = linspace(wRange[0], wRange[1], grid);
        double[] bs = linspace(bRange[0], bRange[1], grid);
        double[][] j = new double[grid][grid];
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int r = 0; r < grid; r++) {
            for (int c = 0; c < grid; c++) {
                double w = ws[c];
                double b = bs[r];
                double value = (w * w * sxx + 2 * w * b * sx + m * b * b - 2 * w * sxy - 2 * b * sy + syy) / (2.0 * m);
                j[r][c] = value;
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        List<Series> overlay = new ArrayList<>();
        overlay.add(new Series("gradient descent", SeriesStyle.LINE, pathW, pathB));
        overlay.add(new Series(
                "normal equation optimum", SeriesStyle.POINTS, new double[] {optimumW}, new double[] {optimumB}));
        overlay.addAll(marks);
        return new Heatmap(
                "Cost surface J(W, b) and the descent path",
                weightLabel,
                biasLabel,
                "cost J(W, b)",
                ws,
                bs,
                j,
                levels(Math.max(min, 1e-12), max),
                overlay);
    }

    /** Spans the path and the optimum with a margin, so both sit well inside the picture. */
    static double[] range(double[] path, double optimum) {
        double lo = optimum;
        double hi = optimum;
        for (double v : path) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double pad = Math.max((hi - lo) * 0.25, Math.max(Math.abs(optimum) * 0.1, 0.5));
        return new double[] {lo - pad, hi + pad};
    }

    private static double[] linspace(double from, double to, int grid) {
        double[] out = new double[grid];
        for (int i = 0; i < grid; i++) {
            out[i] = from + (to - from) * i / (grid - 1);
        }
        return out;
    }

    /** Log-spaced levels: a quadratic bowl's interesting contours crowd near the minimum. */
    private static double[] levels(double min, double max) {
        double[] out = new double[LEVELS];
        double ratio = Math.max(max / min, 1.0001);
        for (int i = 0; i < LEVELS; i++) {
            out[i] = min * Math.pow(ratio, (i + 1.0) / (LEVELS + 1));
        }
        return out;
    }
}
