package dev.lectern.plugin.logreg;

import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.testkit.LecturePluginContractTest;
import java.util.Map;

class LogisticRegressionPluginContractTest extends LecturePluginContractTest {

    @Override
    protected LecturePlugin plugin() {
        return new LogisticRegressionPlugin();
    }

    @Override
    protected TrainingData tinyData() {
        return TinyTables.separable();
    }

    @Override
    protected Map<String, Object> tinyBudget() {
        // Mini-batches and a random start, so the seed really has something to fix.
        return Map.of("epochs", 40, "learningRate", 0.5, "batchSize", 8, "init", "normal");
    }

    @Override
    protected Map<String, Object> samplePredictInput() {
        return Map.of("x1", 0.8, "x2", 0.7);
    }
}
