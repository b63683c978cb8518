package dev.lectern.plugin.logreg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lectern.plugin.api.view.ClassifierView;
import dev.lectern.plugin.api.view.ConfusionMatrix;
import dev.lectern.plugin.api.view.Formulas;
import dev.lectern.plugin.api.view.Heatmap;
import dev.lectern.plugin.api.view.Series;
import dev.lectern.plugin.api.view.SeriesStyle;
import dev.lectern.plugin.api.view.TableView;
import dev.lectern.plugin.api.view.View;
import dev.lectern.plugin.api.view.XyChart;
import dev.lectern.plugin.support.Tex;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pictures of a hand-made classifier, without training: grid, boundary, confusion and precision/recall. */
class LogisticRegressionViewsTest {

    private final BinaryTable tiny = BinaryTable.of(TinyTables.separable());

    @Test
    void twoFeaturesGiveTheProbabilityMapWithTheBoundaryClippedToIt() {
        // Trained on z-scores but reported in raw units: the boundary must be x1 + x2 = 1 whatever the scaling.
        FeatureScaling scaling = FeatureScaling.fit(tiny.x(), 2);
        Classifier model = classifierFor(new double[] {4, 4, -4}, scaling, 0.5);
        List<View> views =
                LogisticRegressionModel.trained(model, tiny.x(), tiny.y(), 0, 0).views();

        assertThat(views)
                .extracting(View::getClass)
                .containsExactly(Heatmap.class, XyChart.class, ConfusionMatrix.class, TableView.class, Formulas.class);
        Heatmap map = (Heatmap) views.get(0);
        assertThat(map.values()).hasNumberOfRows(LogisticRegressionViews.GRID);
        assertThat(map.values()[0]).hasSize(LogisticRegressionViews.GRID);
        assertThat(map.contours()).containsExactly(0.5);
        assertThat(map.x()[0]).isLessThan(0);
        assertThat(map.x()[map.x().length - 1]).isGreaterThan(1);
        assertThat(map.values()[0][0]).as("bottom left is class 0").isLessThan(0.1);
        assertThat(map.values()[59][59]).as("top right is class 1").isGreaterThan(0.9);
        assertThat(map.overlay())
                .extracting(Series::name)
                .containsExactly("y = 0", "y = 1", "decision boundary W·x + b = 0");
        assertThat(map.overlay().get(0).x().length + map.overlay().get(1).x().length)
                .isEqualTo(24);

        Series line = map.overlay().get(2);
        assertThat(line.style()).isEqualTo(SeriesStyle.LINE);
        for (int i = 0; i < 2; i++) {
            assertThat(line.x()[i] + line.y()[i]).as("end %d on x1 + x2 = 1", i).isCloseTo(1, within(1e-5));
            assertThat(line.x()[i]).isBetween(map.x()[0] - 1e-9, map.x()[59] + 1e-9);
            assertThat(line.y()[i]).isBetween(map.y()[0] - 1e-9, map.y()[59] + 1e-9);
        }
        assertThat(line.x()[1] - line.x()[0]).as("the segment spans the box").isGreaterThan(0.9);
        assertThat(((XyChart) views.get(1)).series()).isEqualTo(map.overlay());
    }

    @Test
    void formulasFillInTheWeightsAndWorkTheSigmoidThroughForTheFirstRow() {
        Classifier model = classifierFor(new double[] {4, 4, -4}, FeatureScaling.identity(2), 0.5);
        List<View> views =
                LogisticRegressionModel.trained(model, tiny.x(), tiny.y(), 0, 0).views();
        Formulas formulas = (Formulas) views.get(views.size() - 1);
        assertThat(formulas.lines().get(0))
                .isEqualTo("H(x) = \\sigma(W \\cdot x + b) = \\sigma\\left(4.000 x_{1} + 4.000 x_{2} - 4.000\\right)");
        double z = 4.0 * tiny.x()[0] + 4.0 * tiny.x()[1] - 4;
        assertThat(formulas.lines().get(1))
                .as("the first row's score and probability")
                .contains(" = " + Tex.num(z) + ", ")
                .endsWith(" = " + Tex.num(Classifier.sigmoid(z)));
        assertThat(formulas.notes().get(1)).contains("label y = " + (int) tiny.y()[0]);
        assertThat(formulas.lines().get(2)).endsWith(" = " + Tex.num(model.cost(tiny.x(), tiny.y())));
        assertThat(formulas.lines().get(3))
                .isEqualTo("\\text{decision boundary: } 4.000 x_{1} + 4.000 x_{2} - 4.000 = 0");
    }

    @Test
    void confusionMatrixAndPrecisionRecallCountTheMistakes() {
        // A boundary at x1 = 0.5 instead of x1 + x2 = 1: some points land on the wrong side.
        Classifier model = classifierFor(new double[] {10, 0, -5}, FeatureScaling.identity(2), 0.5);
        long[][] counts = model.confusion(tiny.x(), tiny.y());
        List<View> views =
                LogisticRegressionModel.trained(model, tiny.x(), tiny.y(), 0, 0).views();

        ConfusionMatrix matrix = (ConfusionMatrix) views.get(2);
        assertThat(matrix.labels()).containsExactly("y = 0", "y = 1");
        assertThat(matrix.counts()).isEqualTo(counts);
        long total = counts[0][0] + counts[0][1] + counts[1][0] + counts[1][1];
        assertThat(total).isEqualTo(24);
        assertThat(counts[0][1] + counts[1][0]).as("mistakes").isPositive();
        TableView table = (TableView) views.get(3);
        assertThat(table.headers()).containsExactly("class", "precision", "recall", "rows");
        double precision = (double) counts[1][1] / (counts[0][1] + counts[1][1]);
        assertThat(table.rows().get(0))
                .containsExactly(
                        "y = 1",
                        String.format(java.util.Locale.ROOT, "%.3f", precision),
                        String.format(
                                java.util.Locale.ROOT, "%.3f", (double) counts[1][1] / (counts[1][0] + counts[1][1])),
                        Long.toString(counts[1][0] + counts[1][1]));
    }

    @Test
    void aBoundaryOutsideThePlotIsLeftOutAndOtherFeatureCountsGetNoMap() {
        Classifier undecided = classifierFor(new double[] {0, 0, 0}, FeatureScaling.identity(2), 0.5);
        Heatmap map = (Heatmap) LogisticRegressionModel.trained(undecided, tiny.x(), tiny.y(), 0, 0)
                .views()
                .get(0);
        assertThat(map.overlay()).extracting(Series::style).containsOnly(SeriesStyle.POINTS);

        Classifier oneFeature = new Classifier(List.of("x"), "y", new float[] {1}, 0, FeatureScaling.identity(1), 0.5);
        float[] x = {-1, -0.5f, 0.5f, 1};
        float[] y = {0, 0, 1, 1};
        assertThat(LogisticRegressionModel.trained(oneFeature, x, y, 0, 0).views())
                .extracting(View::getClass)
                .containsExactly(ConfusionMatrix.class, TableView.class, Formulas.class);
    }

    @Test
    void aThresholdAboveOneHalfShiftsTheBoundaryTowardsClassOne() {
        Classifier model = classifierFor(new double[] {4, 4, -4}, FeatureScaling.identity(2), 0.8);
        float[] corners = {0, 0, 1, 1};
        ClassifierView plane = LogisticRegressionViews.plane(model, corners, new float[] {0, 1})
                .withMargin(0, 0);
        assertThat(plane.box()).isEqualTo(new double[][] {{0, 1}, {0, 1}});
        Series line = LogisticRegressionViews.boundary(plane, model).overlay().get(2);
        // σ(4(x1 + x2) − 4) = 0.8  ⇔  x1 + x2 = 1 + ln 4 / 4.
        assertThat(line.x()[0] + line.y()[0]).isCloseTo(1 + Math.log(4) / 4, within(1e-6));
        assertThat(line.name()).isEqualTo("decision boundary H(x) = 0.8");
    }

    /** Builds a classifier whose raw-unit coefficients are {@code raw} = {w1, w2, b}, for the given scaling. */
    private static Classifier classifierFor(double[] raw, FeatureScaling s, double threshold) {
        float[] w = {(float) (raw[0] * s.std()[0]), (float) (raw[1] * s.std()[1])};
        float b = (float) (raw[2] + raw[0] * s.mean()[0] + raw[1] * s.mean()[1]);
        Classifier model = new Classifier(List.of("x1", "x2"), "y", w, b, s, threshold);
        double[] back = model.rawCoefficients();
        for (int i = 0; i < 3; i++) {
            assertThat(back[i]).as("raw coefficient %d survives the scaling", i).isCloseTo(raw[i], within(1e-5));
        }
        return model;
    }
}
