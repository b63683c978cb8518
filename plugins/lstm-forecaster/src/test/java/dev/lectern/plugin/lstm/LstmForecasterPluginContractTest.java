package dev.lectern.plugin.lstm;

import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.testkit.LecturePluginContractTest;
import java.util.Map;

/** The shared plugin contract, on a short sine wave. */
class LstmForecasterPluginContractTest extends LecturePluginContractTest {

    @Override
    protected LecturePlugin plugin() {
        return new LstmForecasterPlugin();
    }

    @Override
    protected TrainingData tinyData() {
        return SyntheticSeries.sine(80, 16);
    }

    @Override
    protected Map<String, Object> tinyBudget() {
        return Map.of("window", 6, "hidden", 8, "iterations", 60, "learningRate", 0.03);
    }
}
