package dev.lectern.plugin.mlp;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.lectern.plugin.api.Gradients;
import dev.lectern.plugin.api.InPlaceAdam;
import org.junit.jupiter.api.Test;

/** The API's in-place Adam against DJL's own, on the PyTorch engine, as the MLP and CNN plugins use it. */
class InPlaceAdamTest {

    @Test
    void takesTheSameStepsAsDjlsAdamAndClearsTheGradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(3);
            // A least-squares problem whose inputs have a dead column, like MNIST's blank border pixels.
            NDArray x = manager.randomNormal(new Shape(64, 8)).mul(manager.create(new float[] {1, 1, 1, 1, 1, 1, 1, 0}));
            NDArray y = manager.randomNormal(new Shape(64, 1));
            NDArray start = manager.randomNormal(new Shape(8, 1));
            NDArray ours = start.duplicate();
            NDArray theirs = start.duplicate();
            ours.setRequiresGradient(true);
            theirs.setRequiresGradient(true);
            Optimizer inPlace = new InPlaceAdam(Tracker.fixed(0.05f));
            Optimizer djl = Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.05f)).build();
            float firstLoss = Float.NaN;
            float lastLoss = Float.NaN;
            for (int step = 0; step < 300; step++) {
                try (NDScope scope = step == 0 ? null : new NDScope()) {
                    lastLoss = descend(manager, x, y, ours, inPlace);
                    descend(manager, x, y, theirs, djl);
                    if (step == 0) {
                        firstLoss = lastLoss;
                        assertThat(ours.getGradient().abs().max().getFloat()).as("gradient cleared").isZero();
                    }
                }
            }
            assertThat(lastLoss).as("it minimises").isLessThan(firstLoss * 0.5f);
            float[] a = ours.toFloatArray();
            float[] b = theirs.toFloatArray();
            for (int i = 0; i < a.length; i++) {
                assertThat(a[i]).as("weight %d after 300 steps", i).isCloseTo(b[i], org.assertj.core.data.Offset.offset(1e-4f));
            }
            assertThat(a[7]).as("the dead input's weight never moves").isEqualTo(start.toFloatArray()[7]);
        }
    }

    private static float descend(NDManager manager, NDArray x, NDArray y, NDArray w, Optimizer optimizer) {
        float loss;
        try (GradientCollector collector = Gradients.collect(manager)) {
            NDArray error = x.matMul(w).sub(y);
            NDArray mse = error.mul(error).mean();
            collector.backward(mse);
            loss = mse.getFloat();
        }
        optimizer.update("w", w, w.getGradient());
        return loss;
    }
}
