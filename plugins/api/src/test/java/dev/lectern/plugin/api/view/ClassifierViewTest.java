package dev.lectern.plugin.api.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The 2-D classifier picture: box and grid around the data, class series, clipped lines, score and class maps. */
class ClassifierViewTest {

    // XOR's four corners.
    private static final float[] XOR = {0, 0, 0, 1, 1, 0, 1, 1};
    private static final int[] XOR_LABELS = {0, 1, 1, 0};
    private static final List<String> CLASSES = List.of("y = 0", "y = 1");

    @Test
    void theBoxIsTheDataWidenedByTheMarginAndTheGridSpansIt() {
        ClassifierView view = ClassifierView.ofRows("x1", "x2", XOR, XOR_LABELS, CLASSES);
        assertThat(view.box()[0]).containsExactly(-0.05, 1.05);
        assertThat(view.box()[1]).containsExactly(-0.05, 1.05);
        ClassifierView quarter = view.withMargin(0.25, 0.5).withGrid(5);
        assertThat(quarter.box()[0]).as("at least the minimum").containsExactly(-0.5, 1.5);
        assertThat(quarter.gridX()).containsExactly(-0.5, 0, 0.5, 1, 1.5);
        assertThat(view.gridY()).hasSize(ClassifierView.DEFAULT_GRID);
    }

    @Test
    void thePointsAreOneSeriesPerClassInClassOrder() {
        List<Series> points = ClassifierView.ofRows("x1", "x2", XOR, XOR_LABELS, List.of("a", "b", "c"))
                .points();
        assertThat(points).extracting(Series::name).containsExactly("a", "b", "c");
        assertThat(points).extracting(Series::style).containsOnly(SeriesStyle.POINTS);
        assertThat(points.get(1).x()).containsExactly(0, 1);
        assertThat(points.get(1).y()).containsExactly(1, 0);
        assertThat(points.get(2).x())
                .as("a class without points keeps its series")
                .isEmpty();
    }

    @Test
    void aLineIsCutToThePlotAndOneThatMissesItIsLeftOut() {
        ClassifierView view = ClassifierView.ofRows("x1", "x2", XOR, XOR_LABELS, CLASSES)
                .withMargin(0, 0)
                .withLine("x1 + x2 = 1", 1, 1, -1)
                .withLine("far away", 1, 1, -10)
                .withLine("untrained", 0, 0, 0)
                .withLine("x1 = 0.25", 1, 0, -0.25);
        List<Series> overlay = view.overlay();
        assertThat(overlay).extracting(Series::name).containsExactly("y = 0", "y = 1", "x1 + x2 = 1", "x1 = 0.25");
        Series diagonal = overlay.get(2);
        assertThat(diagonal.style()).isEqualTo(SeriesStyle.LINE);
        assertThat(diagonal.x()).containsExactly(0, 1);
        assertThat(diagonal.y()).containsExactly(1, 0);
        Series vertical = overlay.get(3);
        assertThat(vertical.x()).containsExactly(0.25, 0.25);
        assertThat(vertical.y()).containsExactly(0, 1);
        assertThat(view.clip("corner only", 1, 1, 0))
                .as("touches the corner (0, 0)")
                .isEmpty();
    }

    @Test
    void theScoreMapEvaluatesTheScoreOnTheGridWithThePointsAndLinesOnTop() {
        ClassifierView view = ClassifierView.ofRows("x1", "x2", XOR, XOR_LABELS, CLASSES)
                .withGrid(11)
                .withLine("x1 + x2 = 1", 1, 1, -1);
        Heatmap map = view.scoreMap("P(y = 1)", "P(y = 1)", (a, b) -> a + 10 * b, 0.5);
        assertThat(map.xLabel()).isEqualTo("x1");
        assertThat(map.yLabel()).isEqualTo("x2");
        assertThat(map.values()).hasNumberOfRows(11);
        assertThat(map.values()[3][7])
                .as("row = y index, column = x index")
                .isCloseTo(map.x()[7] + 10 * map.y()[3], within(1e-12));
        assertThat(map.contours()).containsExactly(0.5);
        assertThat(map.overlay()).isEqualTo(view.overlay());
        assertThat(view.chart("Data").series()).isEqualTo(view.overlay());
    }

    @Test
    void theClassMapHasABorderBetweenEachPairOfNeighbouringClasses() {
        ClassifierView view = ClassifierView.ofRows("x1", "x2", XOR, XOR_LABELS, List.of("a", "b", "c", "d"));
        Heatmap map = view.classMap("classes", (a, b) -> a < 0.5 ? 0 : 3);
        assertThat(map.contours()).containsExactly(0.5, 1.5, 2.5);
        assertThat(map.valueLabel()).isEqualTo("predicted class");
        assertThat(map.values()[0][0]).isEqualTo(0);
        assertThat(map.values()[0][60]).isEqualTo(3);
    }

    @Test
    void badDataIsRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> ClassifierView.ofRows("x1", "x2", XOR, new int[] {0, 1, 2, 0}, CLASSES))
                .hasMessageContaining("point 2 has label 2 but 2 classes are named");
        assertThatThrownBy(() -> ClassifierView.ofRows("x1", "x2", XOR, new int[] {0, 1}, CLASSES))
                .hasMessageContaining("8 feature values for 2 labels");
        assertThatThrownBy(() -> ClassifierView.of("x1", "x2", new double[0], new double[0], new int[0], CLASSES))
                .hasMessageContaining("no points");
        assertThatThrownBy(() -> ClassifierView.ofRows("x1", "x2", XOR, XOR_LABELS, CLASSES)
                        .withGrid(1))
                .hasMessageContaining("2 to 400");
    }
}
