package dev.lectern.plugin.lstm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.lectern.plugin.api.Gradients;
import dev.lectern.plugin.api.ParamValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Java forward pass, which draws the gate heat maps and makes every prediction, must compute exactly what the
 * engine trained: same gate order (PyTorch's i, f, g, o), same weight layout. Training runs the engine's fused LSTM
 * op inside a gradient collector; forecasts without gradients must not use it, because outside a collector the
 * bundled libtorch's fused op does not compute the documented LSTM, so the engine also has an unrolled cell.
 */
class NetworkTest {

    private static final int STEPS = 5;
    private static final int FEATURES = 3;
    private static final int BATCH = 4;

    @Test
    void manualLstmEqualsTheEngineOpForEveryStepAndLayer() {
        ForecastSettings settings = settings(Map.of("model", "lstm", "hidden", 6, "layers", 2));
        Weights weights = Weights.initial(settings, FEATURES, 3);
        float[] x = randomInputs();
        try (NDManager manager = NDManager.newBaseManager()) {
            EngineTraining.Forward engine = new EngineTraining.Forward(settings, arrays(manager, weights));
            NDArray input = manager.create(x, new Shape(BATCH, STEPS, FEATURES));
            float[] predicted = engine.apply(input, false).toFloatArray();
            float[] hidden = engine.lstm(input).toFloatArray();
            float[] fusedPredicted;
            float[] fusedHidden;
            try (GradientCollector collector = Gradients.collect(manager)) {
                fusedPredicted = engine.apply(input, true).toFloatArray();
                fusedHidden = engine.fused(input).toFloatArray();
            }
            Network network = new Network(weights, settings, STEPS, FEATURES);
            for (int b = 0; b < BATCH; b++) {
                Network.Trace trace = network.trace(window(x, b));
                assertThat(trace.prediction()).as("window %d", b).isCloseTo(predicted[b], within(1e-5));
                assertThat(trace.prediction()).as("fused, window %d", b).isCloseTo(fusedPredicted[b], within(1e-5));
                for (int t = 0; t < STEPS; t++) {
                    for (int u = 0; u < 6; u++) {
                        assertThat(trace.hidden()[u][t])
                                .as("h[%d] at step %d of window %d", u, t, b)
                                .isCloseTo(hidden[(b * STEPS + t) * 6 + u], within(1e-5));
                        assertThat(trace.hidden()[u][t])
                                .as("fused h[%d] at step %d of window %d", u, t, b)
                                .isCloseTo(fusedHidden[(b * STEPS + t) * 6 + u], within(1e-5));
                    }
                }
                // Gates are probabilities and the cell state obeys c_t = f c_{t-1} + i g with |g| < 1.
                for (double f : trace.forget()[0]) {
                    assertThat(f).isBetween(0.0, 1.0);
                }
                assertThat(Math.abs(trace.cell()[0][0])).isLessThan(1.0);
            }
        }
    }

    @Test
    void manualFullyConnectedNetEqualsTheEngine() {
        ForecastSettings settings = settings(Map.of("model", "fc", "hidden", 7, "layers", 2));
        Weights weights = Weights.initial(settings, STEPS * FEATURES, 5);
        float[] x = randomInputs();
        try (NDManager manager = NDManager.newBaseManager()) {
            EngineTraining.Forward engine = new EngineTraining.Forward(settings, arrays(manager, weights));
            float[] predicted = engine.apply(manager.create(x, new Shape(BATCH, STEPS, FEATURES)), false)
                    .toFloatArray();
            Network network = new Network(weights, settings, STEPS, FEATURES);
            for (int b = 0; b < BATCH; b++) {
                assertThat(network.predict(window(x, b))).isCloseTo(predicted[b], within(1e-5));
            }
        }
    }

    /**
     * {@code torch.nn.LSTM(2, 3, batch_first=True)} of PyTorch 1.13 on fixed weights (element k of each parameter is
     * {@code 0.5 sin(offset + 1.3k)}, offsets 0, 1, 2, 3 for w_ih, w_hh, b_ih, b_hh) and inputs {@code cos(0.7k)},
     * shape [2, 4, 2]: its output at every step, [2, 4, 3].
     */
    private static final float[] PYTORCH_OUTPUT = {
        -0.2707586f, -0.1681922f, 0.0302280f, -0.3165006f, -0.2270046f, 0.0457534f, -0.2146578f, -0.2000627f,
        -0.0276715f, -0.3639751f, -0.2915085f, -0.0218285f, -0.3003429f, -0.1351628f, 0.0271223f, -0.3927119f,
        -0.2471242f, 0.0482964f, -0.2760660f, -0.2153184f, 0.0093767f, -0.2823660f, -0.2442561f, -0.0404401f
    };

    @Test
    void bothForwardPassesAreTheDocumentedLstmOfPyTorch() {
        ForecastSettings settings = settings(Map.of("model", "lstm", "hidden", 3, "layers", 1));
        Weights initial = Weights.initial(settings, 2, 0);
        List<float[]> values = new ArrayList<>();
        for (int p = 0; p < initial.count(); p++) {
            float[] v = new float[initial.values().get(p).length];
            for (int k = 0; k < v.length; k++) {
                v[k] = (float) (0.5 * Math.sin(p + 1.3 * k));
            }
            values.add(v);
        }
        Weights weights = new Weights(initial.names(), initial.shapes(), values);
        float[] x = new float[2 * 4 * 2];
        for (int k = 0; k < x.length; k++) {
            x[k] = (float) Math.cos(0.7 * k);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            EngineTraining.Forward engine = new EngineTraining.Forward(settings, arrays(manager, weights));
            NDArray input = manager.create(x, new Shape(2, 4, 2));
            float[] hidden = engine.lstm(input).toFloatArray();
            float[] fused;
            try (GradientCollector collector = Gradients.collect(manager)) {
                fused = engine.fused(input).toFloatArray();
            }
            Network network = new Network(weights, settings, 4, 2);
            for (int b = 0; b < 2; b++) {
                Network.Trace trace = network.trace(java.util.Arrays.copyOfRange(x, b * 8, (b + 1) * 8));
                for (int t = 0; t < 4; t++) {
                    for (int u = 0; u < 3; u++) {
                        int at = (b * 4 + t) * 3 + u;
                        assertThat(hidden[at])
                                .as("engine h[%d] at step %d of window %d", u, t, b)
                                .isCloseTo(PYTORCH_OUTPUT[at], within(1e-5f));
                        assertThat(fused[at])
                                .as("fused op h[%d] at step %d of window %d", u, t, b)
                                .isCloseTo(PYTORCH_OUTPUT[at], within(1e-5f));
                        assertThat(trace.hidden()[u][t])
                                .as("Java h[%d] at step %d of window %d", u, t, b)
                                .isCloseTo(PYTORCH_OUTPUT[at], within(1e-5));
                    }
                }
            }
        }
    }

    private static ForecastSettings settings(Map<String, Object> values) {
        return ForecastSettings.of(ParamValues.check(ForecastParams.SPECS, values));
    }

    private static List<NDArray> arrays(NDManager manager, Weights weights) {
        List<NDArray> arrays = new ArrayList<>();
        for (int i = 0; i < weights.count(); i++) {
            arrays.add(manager.create(
                    weights.values().get(i), new Shape(weights.shapes().get(i))));
        }
        return arrays;
    }

    private static float[] randomInputs() {
        Random random = new Random(9);
        float[] x = new float[BATCH * STEPS * FEATURES];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return x;
    }

    private static float[] window(float[] x, int b) {
        return java.util.Arrays.copyOfRange(x, b * STEPS * FEATURES, (b + 1) * STEPS * FEATURES);
    }
}
