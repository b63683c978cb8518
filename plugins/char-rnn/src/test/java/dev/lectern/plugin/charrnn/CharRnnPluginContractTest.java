package dev.lectern.plugin.charrnn;

import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.testkit.LecturePluginContractTest;
import java.util.List;
import java.util.Map;

/** The shared plugin contract, on a few hundred characters of repetitive text. */
class CharRnnPluginContractTest extends LecturePluginContractTest {

    static final String TINY_TEXT = "the cat sat on the mat. the dog sat on the log.\n".repeat(8);

    @Override
    protected LecturePlugin plugin() {
        return new CharRnnPlugin();
    }

    @Override
    protected TrainingData tinyData() {
        return TrainingData.ofText(
                new DatasetInfo("tiny-text", "Tiny text", DatasetKind.TEXT, List.of(), ""), TINY_TEXT);
    }

    @Override
    protected Map<String, Object> tinyBudget() {
        return Map.of(
                "cell",
                "lstm",
                "hiddenSize",
                32,
                "seqLength",
                16,
                "batchSize",
                4,
                "learningRate",
                0.01,
                "epochs",
                3,
                "stepsPerEpoch",
                10,
                "sampleLength",
                40);
    }

    @Override
    protected Map<String, Object> samplePredictInput() {
        return Map.of("prompt", "the ", "length", 30, "temperature", 0.7);
    }
}
