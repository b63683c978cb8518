package dev.lectern.plugin.charrnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.lectern.plugin.api.Gradients;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The gradient-free path used for tracing and sampling computes exactly what training computes: with gradients off,
 * libtorch's fused CPU LSTM gave other numbers, so the plugin evaluates the LSTM step by step, and this test holds both
 * paths together (it failed for the LSTM before that change).
 */
class RecurrentNetTest {

    @ParameterizedTest
    @EnumSource(CellType.class)
    void evaluationAndTrainingGiveTheSameScores(CellType cell) {
        try (RecurrentNet net = RecurrentNet.initialise(Device.cpu(), cell, 4, 8, 2, new Random(5));
                NDManager manager = NDManager.newBaseManager()) {
            int[] hell = {0, 1, 2, 2};
            NDArray x = Sampler.oneHot(manager, hell, 4);
            float[] training;
            try (GradientCollector collector = Gradients.collect(manager)) {
                // What training computes: gradient recording on, live parameters.
                training =
                        net.forward(x, net.zeroState(manager, 1), true).scores().toFloatArray();
            }
            RecurrentNet.Output eval = net.forward(x, net.zeroState(manager, 1), false);
            float[] evaluation = eval.scores().toFloatArray();
            assertThat(evaluation).hasSameSizeAs(training);
            for (int i = 0; i < training.length; i++) {
                assertThat(evaluation[i]).as("score %d", i).isCloseTo(training[i], within(1e-5f));
            }
            assertThat(eval.state()).hasSize(cell.hasCellState() ? 2 : 1);
            // Reading "hell" one character at a time, carrying the state, gives the same last scores.
            NDList state = net.zeroState(manager, 1);
            float[] last = null;
            for (int c : hell) {
                RecurrentNet.Output step = net.forward(Sampler.oneHot(manager, new int[] {c}, 4), state, false);
                state = step.state();
                last = step.scores().toFloatArray();
            }
            for (int v = 0; v < 4; v++) {
                assertThat(last[v]).isCloseTo(training[3 * 4 + v], within(1e-5f));
            }
        }
    }
}
