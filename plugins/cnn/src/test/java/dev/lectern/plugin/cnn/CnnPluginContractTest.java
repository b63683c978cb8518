package dev.lectern.plugin.cnn;

import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.testkit.LecturePluginContractTest;
import java.util.HashMap;
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

    /** A small custom network with dropout: its masks are what two runs training at once used to race for. */
    @Override
    protected Map<String, Object> twinBudget() {
        Map<String, Object> budget = new HashMap<>(tinyBudget());
        budget.putAll(Map.of("preset", "custom", "convChannels", "8,16", "fcUnits", 32, "dropout", 0.3));
        return budget;
    }

    @Override
    protected Map<String, Object> samplePredictInput() {
        return Map.of(CnnModel.DIGIT, Drawings.dataUrl(Drawings.one()));
    }
}
