package dev.lectern.plugin.linreg;

import dev.lectern.plugin.api.view.TableView;
import dev.lectern.plugin.api.view.View;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a finished run into the model's summary numbers and lesson pictures. */
record LinearRegressionResult(
        List<String> features,
        String label,
        float[] x,
        float[] y,
        FeatureScaler scaler,
        LinearRegressionTrainer.Fit fit,
        double cost,
        Optional<NormalEquation> exact,
        DescentPath path,
        double msPerEpoch,
        long steps,
        View formulas) {

    LinearRegressionModel model() {
        return new LinearRegressionModel(features, label, fit.w(), fit.b(), summary(), views());
    }

    private Map<String, Double> summary() {
        Map<String, Double> summary = new LinkedHashMap<>();
        putWeights(summary, "", fit.w(), fit.b());
        summary.put("cost", cost);
        exact.ifPresent(ne -> {
            putWeights(summary, " (normal equation)", ne.w(), ne.b());
            summary.put("cost (normal equation)", ne.cost());
        });
        if (fit.scaled()) {
            putWeights(summary, " (scaled)", fit.scaledW(), fit.scaledB());
        }
        summary.put("steps", (double) steps);
        summary.put("msPerEpoch", msPerEpoch);
        return summary;
    }

    private static void putWeights(Map<String, Double> summary, String suffix, double[] w, double b) {
        for (int i = 0; i < w.length; i++) {
            summary.put((w.length == 1 ? "W" : "W" + (i + 1)) + suffix, w[i]);
        }
        summary.put("b" + suffix, b);
    }

    private List<View> views() {
        List<View> views = new ArrayList<>(LinearRegressionViews.fit(features, label, x, y, fit.w(), fit.b(), exact));
        if (path != null) {
            double optimumW = exact.map(ne -> scaler.scaledWeight(0, ne.w()[0])).orElse(fit.scaledW()[0]);
            double optimumB =
                    exact.map(ne -> scaler.scaledBias(ne.w()[0], ne.b())).orElse(fit.scaledB());
            String suffix = fit.scaled() ? " (on standardized x)" : "";
            views.add(CostSurface.of(
                    fit.scaled() ? scaler.apply(x) : x,
                    y,
                    path.w(),
                    path.b(),
                    optimumW,
                    optimumB,
                    "W" + suffix,
                    "b" + suffix));
        }
        exact.ifPresent(ne -> views.add(comparison(ne)));
        views.add(formulas);
        return views;
    }

    private TableView comparison(NormalEquation ne) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < fit.w().length; i++) {
            String name = fit.w().length == 1 ? "W" : "W" + (i + 1) + " (" + features.get(i) + ")";
            rows.add(List.of(name, LinearRegressionModel.format(fit.w()[i]), LinearRegressionModel.format(ne.w()[i])));
        }
        rows.add(List.of("b", LinearRegressionModel.format(fit.b()), LinearRegressionModel.format(ne.b())));
        rows.add(List.of("cost J", LinearRegressionModel.format(cost), LinearRegressionModel.format(ne.cost())));
        return new TableView(
                "Gradient descent beside the normal equation",
                List.of("", "gradient descent", "normal equation"),
                rows);
    }
}
