package dev.lectern.plugin.softmax;

import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.testkit.LecturePluginContractTest;
import java.util.Map;

/** The shared plugin contract, on three tiny Gaussian blobs. */
class SoftmaxRegressionPluginContractTest extends LecturePluginContractTest {

    @Override
    protected LecturePlugin plugin() {
        return new SoftmaxRegressionPlugin();
    }

    @Override
    protected TrainingData tinyData() {
        return Blobs.of("tiny-blobs", 3, 2, 30, 4, 1);
    }

    @Override
    protected Map<String, Object> tinyBudget() {
        return Map.of("epochs", 20, "learningRate", 0.1, "batchSize", 8, "init", "normal");
    }

    @Override
    protected Map<String, Object> samplePredictInput() {
        return Map.of("x1", 12.5, "x2", -2.0);
    }
}
