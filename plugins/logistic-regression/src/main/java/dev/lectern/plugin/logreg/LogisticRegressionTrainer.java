package dev.lectern.plugin.logreg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import dev.lectern.plugin.api.Gradients;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.TrainingContext;
import dev.lectern.plugin.api.TrainingDivergedException;
import dev.lectern.plugin.support.BatchOrder;
import dev.lectern.plugin.support.StepReporter;
import java.util.Random;

/**
 * Gradient descent on the cross-entropy of H(x) = σ(XW + b), written as a raw loop for speed: the (scaled) data stays
 * on the device as one array, W and b are plain arrays with gradients, each step's temporaries die with an
 * {@link NDScope}, and the optimizer's fused update also zeroes the gradients.
 */
final class LogisticRegressionTrainer {

    /** Enough points for a smooth loss curve; more would only cost database rows. */
    private static final int MAX_LOSS_POINTS = 2000;
    /** Training accuracy needs a forward pass over all rows and a host copy, so it is sampled more sparsely. */
    private static final int MAX_ACCURACY_POINTS = 200;

    private final TrainingContext context;
    private final ParamValues params;

    LogisticRegressionTrainer(TrainingContext context) {
        this.context = context;
        this.params = context.params();
    }

    LogisticRegressionModel run() {
        BinaryTable data = BinaryTable.of(context.data());
        int rows = data.rows();
        int features = data.features();
        FeatureScaling scaling =
                LogisticRegressionParams.STANDARDIZE.equals(params.getString(LogisticRegressionParams.FEATURE_SCALING))
                        ? FeatureScaling.fit(data.x(), features)
                        : FeatureScaling.identity(features);
        double threshold = params.getDouble(LogisticRegressionParams.THRESHOLD);
        float boundary = (float) Classifier.logitOf(threshold);

        int batch = params.getInt(LogisticRegressionParams.BATCH_SIZE);
        int batchSize = batch <= 0 || batch >= rows ? rows : batch;
        int batchesPerEpoch = (rows + batchSize - 1) / batchSize;
        int epochs = params.getInt(LogisticRegressionParams.EPOCHS);
        long totalSteps = (long) epochs * batchesPerEpoch;
        context.metrics().stepsPerEpoch(batchesPerEpoch);
        long lossEvery = ceilDiv(totalSteps, MAX_LOSS_POINTS);
        long accuracyEvery = ceilDiv(totalSteps, MAX_ACCURACY_POINTS);
        Random random = new Random(context.seed());

        try (NDManager manager = NDManager.newBaseManager(context.device())) {
            NDArray x = manager.create(scaling.apply(data.x()), new Shape(rows, features));
            NDArray y = manager.create(data.y(), new Shape(rows, 1));
            NDArray w = manager.create(TrainingSetup.initial(params, features, random), new Shape(1, features));
            NDArray b = manager.create(TrainingSetup.initial(params, 1, random), new Shape(1));
            w.setRequiresGradient(true);
            b.setRequiresGradient(true);
            // The pictures of a paused or single-stepped run, from W and b copied to the host only when asked for.
            StepReporter reporter = StepReporter.of(context, "loss", totalSteps)
                    .every(lossEvery)
                    .liveViews(updates -> {
                        Classifier now = new Classifier(
                                data.featureNames(),
                                data.labelName(),
                                w.toFloatArray(),
                                b.getFloat(),
                                scaling,
                                threshold);
                        return LogisticRegressionViews.of(now, data.x(), data.y(), now.confusion(data.x(), data.y()));
                    });
            Optimizer optimizer = TrainingSetup.optimizer(params, reporter);

            long step = 0;
            long start = System.nanoTime();
            for (int epoch = 0; epoch < epochs; epoch++) {
                NDArray xs = x;
                NDArray ys = y;
                if (batchesPerEpoch > 1) {
                    NDArray order = manager.create(BatchOrder.shuffled(rows, random));
                    xs = x.get(new NDIndex("{}", order));
                    ys = y.get(new NDIndex("{}", order));
                    order.close();
                }
                for (int from = 0; from < rows; from += batchSize, step++) {
                    reporter.beginStep();
                    // The first update creates the optimizer's state arrays; they must outlive the step scope.
                    try (NDScope scope = step == 0 ? null : new NDScope()) {
                        NDArray xb = batchesPerEpoch > 1 ? xs.get(new NDIndex("{}:{}", from, from + batchSize)) : xs;
                        NDArray yb = batchesPerEpoch > 1 ? ys.get(new NDIndex("{}:{}", from, from + batchSize)) : ys;
                        float loss;
                        try (GradientCollector collector = Gradients.collect(manager)) {
                            NDArray lossArray =
                                    crossEntropy(Linear.linear(xb, w, b).singletonOrThrow(), yb);
                            collector.backward(lossArray);
                            loss = lossArray.getFloat();
                        }
                        reporter.check(step, loss);
                        if (step % accuracyEvery == 0) {
                            context.metrics().report("accuracy", step, accuracy(x, w, b, data.y(), boundary));
                        }
                        optimizer.update("W", w, w.getGradient());
                        optimizer.update("b", b, b.getGradient());
                        if (reporter.due(step)) {
                            reporter.report(step, loss);
                        }
                    }
                    reporter.endStep(step);
                }
                if (xs != x) {
                    xs.close();
                    ys.close();
                }
            }
            double msPerEpoch = (System.nanoTime() - start) / 1e6 / epochs;
            Classifier classifier = new Classifier(
                    data.featureNames(), data.labelName(), w.toFloatArray(), b.getFloat(), scaling, threshold);
            LogisticRegressionModel model =
                    LogisticRegressionModel.trained(classifier, data.x(), data.y(), msPerEpoch, totalSteps);
            double cost = model.summary().get("cost");
            if (!Double.isFinite(cost)) {
                throw new TrainingDivergedException("loss", totalSteps);
            }
            context.metrics().report("loss", totalSteps, cost);
            context.metrics().report("accuracy", totalSteps, model.summary().get("accuracy"));
            return model;
        }
    }

    private static long ceilDiv(long a, long b) {
        return Math.max(1, (a + b - 1) / b);
    }

    /**
     * Mean binary cross-entropy on logits z in four ops: softplus(z) − y·z = −[y log σ(z) + (1 − y) log(1 − σ(z))],
     * which stays finite where σ(z) rounds to 0 or 1.
     */
    static NDArray crossEntropy(NDArray z, NDArray y) {
        return Activation.softPlus(z).sub(y.mul(z)).mean();
    }

    /** Training accuracy on all rows: one forward pass, one host copy, and the counting on the host. */
    private static double accuracy(NDArray x, NDArray w, NDArray b, float[] y, float boundary) {
        try (NDScope scope = new NDScope()) {
            float[] z = Linear.linear(x, w, b).singletonOrThrow().toFloatArray();
            int correct = 0;
            for (int r = 0; r < y.length; r++) {
                correct += (z[r] >= boundary ? 1f : 0f) == y[r] ? 1 : 0;
            }
            return (double) correct / y.length;
        }
    }
}
