package dev.lectern.plugin.mlp;

import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.testkit.LecturePluginContractTest;
import java.util.HashMap;
import java.util.Map;

/** The shared plugin contract, on a tiny noisy XOR table. */
class MlpPluginContractTest extends LecturePluginContractTest {

    @Override
    protected LecturePlugin plugin() {
        return new MlpPlugin();
    }

    @Override
    protected TrainingData tinyData() {
        return MlpTestData.noisyXor(8, 1);
    }

    @Override
    protected Map<String, Object> tinyBudget() {
        return Map.of("hiddenLayers", "8", "activation", "tanh", "epochs", 40, "learningRate", 0.05, "batchSize", 8);
    }

    /** Dropout on: its masks are what two runs training at once used to race for. */
    @Override
    protected Map<String, Object> twinBudget() {
        Map<String, Object> budget = new HashMap<>(tinyBudget());
        budget.put("dropout", 0.3);
        return budget;
    }

    @Override
    protected Map<String, Object> samplePredictInput() {
        return Map.of("x1", 0.9, "x2", 0.1);
    }
}
