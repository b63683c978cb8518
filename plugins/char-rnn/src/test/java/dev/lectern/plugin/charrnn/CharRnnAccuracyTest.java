package dev.lectern.plugin.charrnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.Prediction;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.api.view.Formulas;
import dev.lectern.plugin.api.view.Heatmap;
import dev.lectern.plugin.api.view.TableView;
import dev.lectern.plugin.testkit.FakeTrainingContext;
import dev.lectern.plugin.testkit.RecordingMetricsSink.Note;
import dev.lectern.plugin.testkit.RecordingMetricsSink.Point;
import dev.lectern.plugin.testkit.TestDatasets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The lecture's results: "hell" → "ello" with the defaults, for every seed and cell; Shakespeare's loss falls. */
class CharRnnAccuracyTest {

    /** ln 65: the loss of a uniform guess over Tiny Shakespeare's 65 characters. */
    private static final double UNIFORM_LOSS = Math.log(65);
    /** Where 300 steps of the Shakespeare defaults must bring the third epoch's loss (measured: 2.10). */
    private static final double SHAKESPEARE_BAR = 2.5;

    private final CharRnnPlugin plugin = new CharRnnPlugin();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void helloWithTheDefaultsPredictsEllo(long seed) throws Exception {
        TrainingData hello = TestDatasets.load("hello");
        FakeTrainingContext context = context(hello, Map.of(), seed);
        try (TrainedModel model = plugin.train(context)) {
            List<Note> predicted = context.recorded().texts("predicted");
            assertThat(predicted).hasSize(100);
            assertThat(predicted.get(predicted.size() - 1).text()).isEqualTo("ello");
            assertThat(model.summary().get("minP(right next char)")).isGreaterThan(0.9);
            System.out.printf(
                    "hello seed %d: \"ello\" from epoch %.0f on, first predictions %s%n",
                    seed,
                    model.summary().get("epochsToTarget"),
                    predicted.subList(0, 5).stream().map(Note::text).toList());
            for (int t = 1; t <= 4; t++) {
                String prefix = "P(right next char)/" + t + ": ";
                List<Point> p = context.recorded().all().entrySet().stream()
                        .filter(e -> e.getKey().startsWith(prefix))
                        .findFirst()
                        .orElseThrow()
                        .getValue();
                assertThat(p).hasSize(100);
                assertThat(p.get(p.size() - 1).value()).as(prefix).isGreaterThan(0.9);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru"})
    void everyCellLearnsHello(String cell) throws Exception {
        TrainingData hello = TestDatasets.load("hello");
        try (TrainedModel model = plugin.train(context(hello, Map.of("cell", cell), 7))) {
            assertThat(model.summary().get("minP(right next char)")).as(cell).isGreaterThan(0.9);
            assertThat(model.summary()).containsKey("epochsToTarget");
        }
    }

    @Test
    void helloShowsTheRoadFromNoiseToElloAndPredictsHello() throws Exception {
        TrainingData hello = TestDatasets.load("hello");
        FakeTrainingContext context = context(hello, Map.of(), 1);
        try (TrainedModel model = plugin.train(context)) {
            List<Note> probabilities = context.recorded().texts("probabilities");
            assertThat(probabilities).hasSize(100);
            assertThat(probabilities.get(99).text()).startsWith("h→e: h ").contains(" | l→o: h ");
            TableView last = (TableView) model.views().get(0);
            assertThat(last.headers()).containsSequence("P(h)", "P(e)", "P(l)", "P(o)");
            assertThat(last.rows()).extracting(r -> r.get(3)).containsExactly("e", "l", "l", "o");
            TableView perEpoch = (TableView) model.views().get(1);
            assertThat(perEpoch.rows()).hasSizeLessThanOrEqualTo(CharRnnViews.MAX_ROWS);
            assertThat(perEpoch.rows().get(perEpoch.rows().size() - 1)).startsWith("100", "ello");
            Heatmap road = (Heatmap) model.views().get(2);
            assertThat(road.x()).containsExactly(1, 2, 3, 4);
            assertThat(java.util.Arrays.stream(road.values()[road.values().length - 1])
                            .min()
                            .orElseThrow())
                    .as("last epoch")
                    .isGreaterThan(0.9);
            assertThat(java.util.Arrays.stream(road.values()[0]).min().orElseThrow())
                    .as("first epoch")
                    .isLessThan(0.9);
            // h_t for each character read, and the character it predicts: "hell" -> "ello".
            Formulas recurrence = (Formulas) model.views().get(model.views().size() - 1);
            assertThat(recurrence.lines()).hasSize(5);
            assertThat(recurrence.lines().get(0)).startsWith("h_t = \\tanh(x_t W_{ih}");
            String[] read = {"h", "e", "l", "l"};
            String[] next = {"e", "l", "l", "o"};
            for (int t = 0; t < 4; t++) {
                assertThat(recurrence.lines().get(t + 1))
                        .startsWith("t = " + (t + 1) + ",\\ x_{" + (t + 1) + "} = \\text{\\textquoteleft " + read[t])
                        .contains("h_{" + (t + 1) + "} = \\left(")
                        .contains(
                                "\\hat{y}_{" + (t + 1) + "} = \\text{\\textquoteleft " + next[t] + "\\textquoteright}");
            }

            Prediction answer =
                    model.predict(ParamValues.check(model.predictInputs(), Map.of("prompt", "h", "temperature", 0.5)));
            assertThat(answer.text()).isEqualTo("hello");
            assertThat(answer.values().get("meanLogProbability")).isGreaterThan(Math.log(0.9));
        }
    }

    @Test
    void aPromptWithCharactersTheModelNeverSawIsRejectedNamingTheField() throws Exception {
        TrainingData hello = TestDatasets.load("hello");
        try (TrainedModel model = plugin.train(context(hello, Map.of("epochs", 2), 1))) {
            ParamValues input = ParamValues.check(model.predictInputs(), Map.of("prompt", "hex"));
            assertThatThrownBy(() -> model.predict(input))
                    .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                        assertThat(e.field()).isEqualTo("prompt");
                        assertThat(e.getMessage()).contains("'x'");
                    });
        }
    }

    @Test
    void aSmallBudgetOnTinyShakespeareTakesTheLossWellBelowAUniformGuess() throws Exception {
        TrainingData shakespeare = TestDatasets.load("tinyshakespeare");
        Map<String, Object> budget = Map.of("epochs", 3, "stepsPerEpoch", 100, "sampleLength", 100);
        FakeTrainingContext context = context(shakespeare, budget, 42);
        long start = System.nanoTime();
        try (TrainedModel model = plugin.train(context)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Point> perEpoch = context.recorded().points("lossPerEpoch");
            List<Point> perplexity = context.recorded().points("perplexity");
            System.out.printf(
                    "tinyshakespeare budget: loss per epoch %s, perplexity %.2f, %.1f s%n",
                    perEpoch.stream().map(Point::value).toList(),
                    model.summary().get("perplexity"),
                    seconds);
            assertThat(context.recorded().points("loss").get(0).value()).isCloseTo(UNIFORM_LOSS, within(0.15));
            double last = perEpoch.get(perEpoch.size() - 1).value();
            assertThat(last).isLessThan(SHAKESPEARE_BAR);
            assertThat(perplexity.get(perplexity.size() - 1).value()).isCloseTo(Math.exp(last), within(1e-9));
            assertThat(model.summary().get("perplexity"))
                    .isCloseTo(Math.exp(model.summary().get("loss")), within(1e-9));
            List<Note> samples = context.recorded().texts("sample");
            assertThat(samples).hasSize(3);
            assertThat(samples.get(2).text()).hasSize(101);
        }
    }

    private FakeTrainingContext context(TrainingData data, Map<String, Object> overrides, long seed) {
        Map<String, Object> values = new HashMap<>(plugin.defaultsFor(data.info()));
        values.putAll(overrides);
        return new FakeTrainingContext(ParamValues.check(plugin.hyperParameters(), values), data, seed, () -> false);
    }
}
