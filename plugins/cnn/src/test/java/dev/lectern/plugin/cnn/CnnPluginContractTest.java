package dev.lectern.plugin.cnn;

import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.testkit.LecturePluginContractTest;
import java.util.Map;

/** The shared plugin contract, on 256 tiny images of horizontal and vertical bars. */
class CnnPluginContractTest extends LecturePluginContractTest {

    @Override
    protected LecturePlugin plugin() {
        return new CnnPlugin();
    }

    @Override
    protected TrainingData tinyData() {
        return Shapes.of(256, 32, 1);
    }

    @Override
    protected Map<String, Object> tinyBudget() {
        return Map.of("epochs", 3, "batchSize", 16, "learningRate", 0.005);
    }

    @Override
    protected Map<String, Object> samplePredictInput() {
        return Map.of(CnnModel.DIGIT, Drawings.dataUrl(Drawings.one()));
    }
}
