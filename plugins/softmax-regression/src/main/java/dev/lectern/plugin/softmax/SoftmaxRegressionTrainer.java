package dev.lectern.plugin.softmax;

import static dev.lectern.plugin.softmax.SoftmaxRegressionParams.BATCH_SIZE;
import static dev.lectern.plugin.softmax.SoftmaxRegressionParams.EPOCHS;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import dev.lectern.plugin.api.Gradients;
import dev.lectern.plugin.api.TrainingContext;
import dev.lectern.plugin.api.TrainingDivergedException;
import dev.lectern.plugin.support.BatchOrder;
import dev.lectern.plugin.support.Labels;
import dev.lectern.plugin.support.StepReporter;
import java.util.Random;

/**
 * Minimises the mean cross-entropy −1/m Σ log S(xW + b)[label] as a raw loop for speed: the data stay on the device
 * as one array, W and b are plain arrays with gradients, the loss is a fused log-softmax and a one-hot mask, each
 * step's temporaries die with an {@link NDScope}, and the optimizer's fused update also zeroes the gradients.
 */
final class SoftmaxRegressionTrainer {

    /** Enough points for a smooth loss curve; more would only cost database rows. */
    private static final int MAX_REPORTED_POINTS = 2000;
    /** Accuracy needs a forward pass over all rows, so it is measured at most this many times per run. */
    private static final int MAX_ACCURACY_POINTS = 200;

    private final TrainingContext context;
    private final SoftmaxRegressionSetup setup;

    SoftmaxRegressionTrainer(TrainingContext context) {
        this.context = context;
        this.setup = new SoftmaxRegressionSetup(context.params());
    }

    SoftmaxRegressionModel run() {
        ClassificationData data = setup.prepare(context.data(), context.seed());
        int rows = data.trainY().length;
        int d = data.features();
        int k = data.classes();
        int batch = context.params().getInt(BATCH_SIZE);
        int batchSize = batch <= 0 || batch >= rows ? rows : batch;
        int batchesPerEpoch = (rows + batchSize - 1) / batchSize;
        int epochs = context.params().getInt(EPOCHS);
        long totalSteps = (long) epochs * batchesPerEpoch;
        context.metrics().stepsPerEpoch(batchesPerEpoch);
        long reportEvery = Math.max(1, totalSteps / MAX_REPORTED_POINTS);
        int accuracyEvery = Math.max(1, (epochs + MAX_ACCURACY_POINTS - 1) / MAX_ACCURACY_POINTS);
        Random random = new Random(context.seed());

        try (NDManager manager = NDManager.newBaseManager(context.device())) {
            NDArray x = manager.create(data.trainX(), new Shape(rows, d));
            NDArray labels = manager.create(Labels.longs(data.trainY()));
            NDArray oneHot = labels.oneHot(k);
            NDArray testX =
                    data.hasTestSplit() ? manager.create(data.testX(), new Shape(data.testY().length, d)) : null;
            NDArray testLabels = data.hasTestSplit() ? manager.create(Labels.longs(data.testY())) : null;
            NDArray w = manager.create(setup.initial(k * d, random), new Shape(k, d));
            NDArray b = manager.create(setup.initial(k, random), new Shape(k));
            w.setRequiresGradient(true);
            b.setRequiresGradient(true);
            // The pictures of a paused or single-stepped run, from W and b copied to the host only when asked for.
            StepReporter reporter = StepReporter.of(context, "loss", totalSteps)
                    .every(reportEvery)
                    .liveViews(updates -> setup.liveViews(data, w.toFloatArray(), b.toFloatArray()));
            Optimizer optimizer = setup.optimizer(reporter);

            reportAccuracy(0, x, labels, testX, testLabels, w, b);
            long step = 0;
            long start = System.nanoTime();
            for (int epoch = 0; epoch < epochs; epoch++) {
                NDArray order = batchesPerEpoch > 1 ? manager.create(BatchOrder.shuffled(rows, random)) : null;
                NDArray xs = order == null ? x : x.get(new NDIndex("{}", order));
                NDArray ys = order == null ? oneHot : oneHot.get(new NDIndex("{}", order));
                for (int from = 0; from < rows; from += batchSize, step++) {
                    reporter.beginStep();
                    // The first update creates the optimizer's state arrays; they must outlive the step scope.
                    try (NDScope scope = step == 0 ? null : new NDScope()) {
                        int to = Math.min(rows, from + batchSize);
                        NDArray xb = order == null ? xs : xs.get(new NDIndex("{}:{}", from, to));
                        NDArray yb = order == null ? ys : ys.get(new NDIndex("{}:{}", from, to));
                        float loss;
                        try (GradientCollector collector = Gradients.collect(manager)) {
                            NDArray lossArray =
                                    crossEntropy(Linear.linear(xb, w, b).singletonOrThrow(), yb);
                            collector.backward(lossArray);
                            loss = lossArray.getFloat();
                        }
                        reporter.check(step, loss);
                        optimizer.update("W", w, w.getGradient());
                        optimizer.update("b", b, b.getGradient());
                        if (reporter.due(step)) {
                            reporter.report(step, loss);
                        }
                    }
                    reporter.endStep(step);
                }
                if (order != null) {
                    order.close();
                    xs.close();
                    ys.close();
                }
                if ((epoch + 1) % accuracyEvery == 0 || epoch + 1 == epochs) {
                    reportAccuracy(epoch + 1, x, labels, testX, testLabels, w, b);
                }
            }
            double msPerEpoch = (System.nanoTime() - start) / 1e6 / epochs;
            try (NDScope scope = new NDScope()) {
                NDArray logits = Linear.linear(x, w, b).singletonOrThrow();
                double cost = crossEntropy(logits, oneHot).getFloat();
                if (!Double.isFinite(cost)) {
                    throw new TrainingDivergedException("loss", totalSteps);
                }
                // Measured after the last update: the lab's "step 2000" line is the cost after 2000 updates.
                context.metrics().report("loss", totalSteps, cost);
                int[] trainPredicted =
                        logits.argMax(1).toType(DataType.INT32, false).toIntArray();
                int[] testPredicted = testX == null
                        ? new int[0]
                        : Linear.linear(testX, w, b)
                                .singletonOrThrow()
                                .argMax(1)
                                .toType(DataType.INT32, false)
                                .toIntArray();
                return setup.result(
                        data,
                        w.toFloatArray(),
                        b.toFloatArray(),
                        cost,
                        trainPredicted,
                        testPredicted,
                        msPerEpoch,
                        totalSteps);
            }
        }
    }

    /**
     * Log-softmax is one fused, stable op; the one-hot mask keeps −log S(correct class) of every row. No op takes a
     * Java number: DJL would wrap it in a tensor whose buffer the GC may free before backward reads it.
     */
    static NDArray crossEntropy(NDArray logits, NDArray oneHot) {
        return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).mean().neg();
    }

    private void reportAccuracy(
            long epoch, NDArray x, NDArray labels, NDArray testX, NDArray testLabels, NDArray w, NDArray b) {
        try (NDScope scope = new NDScope()) {
            context.metrics().reportEpoch("accuracy/train", epoch, accuracy(x, labels, w, b));
            if (testX != null) {
                context.metrics().reportEpoch("accuracy/test", epoch, accuracy(testX, testLabels, w, b));
            }
        }
    }

    private static double accuracy(NDArray x, NDArray labels, NDArray w, NDArray b) {
        NDArray predicted = Linear.linear(x, w, b).singletonOrThrow().argMax(1);
        return predicted.eq(labels).toType(DataType.FLOAT32, false).mean().getFloat();
    }
}
