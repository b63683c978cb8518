package ${package};

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.lectern.plugin.api.Gradients;
import dev.lectern.plugin.api.Table;
import dev.lectern.plugin.api.TrainingContext;
import dev.lectern.plugin.api.TrainingDivergedException;
import java.util.Random;

/**
 * Full-batch gradient descent on the logistic loss J = 1/m Σ (softplus(z) − y z), z = w·x + b, as a raw DJL loop.
 * The rules every Lectern training loop follows are marked "Rule:".
 */
final class PerceptronTrainer {

    /** Enough points for a smooth loss curve; every point is a row in the server's database. */
    private static final int MAX_REPORTED_POINTS = 500;
    /** Starting weights are drawn from N(0, INIT_SD²): not all zero, see "DJL pitfalls" in the authoring guide. */
    private static final double INIT_SD = 0.1;

    private final TrainingContext context;

    PerceptronTrainer(TrainingContext context) {
        this.context = context;
    }

    @SuppressWarnings("try") // the NDScopes are used only for what their close() frees
    PerceptronModel run() {
        Table table = context.data().table();
        int[] featureIdx = table.featureIndices();
        int n = featureIdx.length;
        int rows = table.rows();
        if (n == 0 || rows == 0) {
            throw new IllegalArgumentException("data set '" + context.data().info().id() + "' has no feature columns or no rows");
        }
        float[] y = table.label();
        for (float label : y) {
            if (label != 0f && label != 1f) {
                throw new IllegalArgumentException("the perceptron needs labels 0 and 1; data set '"
                        + context.data().info().id() + "' has " + label);
            }
        }
        float[] raw = table.select(featureIdx);
        Standardizer scaling = Standardizer.fit(raw, n);
        float[] x = scaling.apply(raw);
        int epochs = context.params().getInt(PerceptronParams.EPOCHS);
        float rate = (float) context.params().getDouble(PerceptronParams.LEARNING_RATE);
        long reportEvery = Math.max(1, epochs / MAX_REPORTED_POINTS);

        // Rule: declare how many optimizer steps make an epoch, so runs can be drawn by epoch. Full batch: one.
        context.metrics().stepsPerEpoch(1);
        // Rule: draw every random number from a generator made from context.seed(), never from the engine's
        // (manager.randomNormal, DJL's default initializers): runs training at once in one server share it.
        Random random = new Random(context.seed());
        // Rule: own one NDManager per run on the context's device, and close it however the run ends.
        try (NDManager manager = NDManager.newBaseManager(context.device())) {
            NDArray xs = manager.create(x, new Shape(rows, n));
            NDArray ys = manager.create(y, new Shape(rows, 1));
            NDArray w = manager.create(gaussian(n, random), new Shape(n, 1));
            NDArray b = manager.create(new float[] {0f});
            w.setRequiresGradient(true);
            b.setRequiresGradient(true);
            Optimizer sgd = Optimizer.sgd().setLearningRateTracker(Tracker.fixed(rate)).build();

            for (int epoch = 0; epoch < epochs; epoch++) {
                // Rule: check for cancellation once per step.
                context.checkCancelled();
                // Rule (API 1.3): await the control at each step boundary, so the user can pause and single-step.
                context.control().awaitStep(epoch);
                try (NDScope scope = new NDScope()) {
                    float loss;
                    // Rule: record through Gradients.collect, never Engine.newGradientCollector(): the PyTorch engine
                    // allows one open collector per JVM, and the server trains several runs at once.
                    try (GradientCollector collector = Gradients.collect(manager)) {
                        // Rule: no Java numbers in ops while recording (x.mul(2f) makes a temporary tensor that the
                        // backward pass still reads after it was freed); use arrays made before recording.
                        NDArray lossArray = loss(xs.matMul(w).add(b), ys);
                        collector.backward(lossArray);
                        loss = lossArray.getFloat();
                    }
                    // Rule: a loss that stopped being finite ends the run with a readable reason.
                    if (!Float.isFinite(loss)) {
                        throw new TrainingDivergedException("loss", epoch);
                    }
                    sgd.update("w", w, w.getGradient());
                    sgd.update("b", b, b.getGradient());
                    // Rule: report only what is plotted; each point costs a copy from the device and a database row.
                    if (epoch % reportEvery == 0) {
                        context.metrics().report("loss", epoch, loss);
                    }
                }
                // Rule: report progress; it reaches total at the end.
                context.progress(epoch + 1, epochs);
            }
            float finalLoss;
            try (NDScope scope = new NDScope()) {
                finalLoss = loss(xs.matMul(w).add(b), ys).getFloat();
            }
            if (!Float.isFinite(finalLoss)) {
                throw new TrainingDivergedException("loss", epochs);
            }
            context.metrics().report("loss", epochs, finalLoss);
            // The weights are copied to the host: the returned model holds no native memory.
            return PerceptronModel.trained(table.names(featureIdx), table.names(table.labelIndices()).get(0), scaling,
                    toDoubles(w.toFloatArray()), b.toFloatArray()[0], finalLoss, raw, y);
        }
    }

    /**
     * The mean logistic loss in its softplus form, log(1 + e^z) − y z. The textbook "stable" form
     * max(z, 0) − y z + log(1 + e^−|z|) has the right value but a wrong gradient at z = 0 (relu and abs have slope 0
     * there), so it would start badly from w = 0.
     */
    private static NDArray loss(NDArray z, NDArray y) {
        return Activation.softPlus(z).sub(y.mul(z)).mean();
    }

    private static float[] gaussian(int count, Random random) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) (INIT_SD * random.nextGaussian());
        }
        return values;
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
