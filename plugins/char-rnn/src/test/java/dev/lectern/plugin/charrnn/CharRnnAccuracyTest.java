package dev.lectern.plugin.charrnn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.testkit.FakeTrainingContext;
import dev.lectern.plugin.testkit.RecordingMetricsSink.Note;
import dev.lectern.plugin.testkit.TestDatasets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The lecture's results: "hell" → "ello" with the defaults, for every seed and cell; Shakespeare's loss falls. */
class CharRnnAccuracyTest {

    private final CharRnnPlugin plugin = new CharRnnPlugin();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void helloWithTheDefaultsPredictsEllo(long seed) throws Exception {
        TrainingData hello = TestDatasets.load("hello");
        FakeTrainingContext context = context(hello, Map.of(), seed);
        try (TrainedModel model = plugin.train(context)) {
            List<Note> predicted = context.recorded().texts("predicted");
            System.out.println("seed " + seed + ": " + predicted.stream().map(Note::text).toList() + " " + model.summary());
            assertThat(predicted).hasSize(100);
            assertThat(predicted.get(predicted.size() - 1).text()).isEqualTo("ello");
            assertThat(model.summary().get("minP(right next char)")).isGreaterThan(0.9);
        }
    }

    private FakeTrainingContext context(TrainingData data, Map<String, Object> overrides, long seed) {
        Map<String, Object> values = new HashMap<>(plugin.defaultsFor(data.info()));
        values.putAll(overrides);
        return new FakeTrainingContext(ParamValues.check(plugin.hyperParameters(), values), data, seed, () -> false);
    }
}
