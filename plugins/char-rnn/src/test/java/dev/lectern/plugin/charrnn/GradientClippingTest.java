package dev.lectern.plugin.charrnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.lectern.plugin.api.Gradients;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Clipping by global norm bounds the gradient of all weights together and keeps its direction. */
class GradientClippingTest {

    @Test
    void clippingScalesTheGradientDownToTheBoundAndKeepsItsDirection() {
        try (RecurrentNet net = RecurrentNet.initialise(Device.cpu(), CellType.RNN, 5, 16, 2, new Random(3));
                NDManager manager = NDManager.newBaseManager()) {
            backward(net, manager);
            double before = GradientClipping.globalNorm(net.parameters()).getFloat();
            float[] direction = net.parameters().get(0).getGradient().toFloatArray();
            double bound = before / 10;

            double reported = GradientClipping.clip(net.parameters(), bound).getFloat();

            assertThat(reported).isCloseTo(before, within(before * 1e-5));
            double after = GradientClipping.globalNorm(net.parameters()).getFloat();
            assertThat(after).isCloseTo(bound, within(bound * 1e-4));
            float[] clipped = net.parameters().get(0).getGradient().toFloatArray();
            for (int i = 0; i < clipped.length; i++) {
                assertThat((double) clipped[i])
                        .isCloseTo(direction[i] / 10.0, within(1e-6 + Math.abs(direction[i]) * 1e-4));
            }
        }
    }

    @Test
    void aGradientShorterThanTheBoundIsLeftAlone() {
        try (RecurrentNet net = RecurrentNet.initialise(Device.cpu(), CellType.LSTM, 5, 16, 1, new Random(4));
                NDManager manager = NDManager.newBaseManager()) {
            backward(net, manager);
            double before = GradientClipping.globalNorm(net.parameters()).getFloat();
            GradientClipping.clip(net.parameters(), before * 2);
            assertThat((double) GradientClipping.globalNorm(net.parameters()).getFloat())
                    .isCloseTo(before, within(before * 1e-6));
        }
    }

    /** One backward pass through a window of 6 steps, 3 streams, with a large loss so that the gradient is large. */
    private static void backward(RecurrentNet net, NDManager manager) {
        long[] text = new long[40];
        Random random = new Random(9);
        for (int i = 0; i < text.length; i++) {
            text[i] = random.nextInt(5);
        }
        try (CorpusWindows windows = new CorpusWindows(manager, text, 3, 6);
                GradientCollector collector = Gradients.collect(manager)) {
            NDArray x = windows.inputs(0).oneHot(5);
            RecurrentNet.Output out = net.forward(x, net.zeroState(manager, windows.streams()), true);
            collector.backward(CharRnnTrainer.crossEntropy(out.scores(), windows.targets(0))
                    .mul(100));
        }
    }
}
