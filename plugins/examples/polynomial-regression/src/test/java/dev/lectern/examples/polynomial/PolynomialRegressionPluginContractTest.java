package dev.lectern.examples.polynomial;

import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.testkit.LecturePluginContractTest;
import java.util.Map;

/** The testkit's contract: registration, declarations, validation, learning, seeds, cancellation, save/load. */
class PolynomialRegressionPluginContractTest extends LecturePluginContractTest {

    @Override
    protected LecturePlugin plugin() {
        return new PolynomialRegressionPlugin();
    }

    @Override
    protected TrainingData tinyData() {
        // 30 points of y = x³ − x + 1 with a little deterministic wiggle, x in [−2, 2].
        return Cubic.table("tiny-cubic", 30, new double[] {1, -1, 0, 1}, 0.05);
    }

    @Override
    protected Map<String, Object> tinyBudget() {
        return Map.of("degree", 3, "epochs", 100, "learningRate", 0.1, "optimizer", "adam");
    }

    @Override
    protected Map<String, Object> samplePredictInput() {
        return Map.of("x", 1.5);
    }
}
