package dev.lectern.plugin.linreg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import dev.lectern.plugin.api.Gradients;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.Table;
import dev.lectern.plugin.api.TrainingContext;
import dev.lectern.plugin.api.TrainingDivergedException;
import dev.lectern.plugin.support.BatchOrder;
import dev.lectern.plugin.support.Optimizers;
import dev.lectern.plugin.support.StepReporter;
import java.util.Optional;
import java.util.Random;

/**
 * Gradient descent on J(W, b) = 1/(2m) Σ (XWᵀ + b − y)², written as a raw loop for speed: the data stays on
 * the device as one array, W and b are plain arrays with gradients, each step's temporaries die with an
 * {@link NDScope}, and the optimizer's fused update also zeroes the gradients.
 */
final class LinearRegressionTrainer {

    /** Enough points for a smooth loss curve; more would only cost database rows. */
    private static final int MAX_REPORTED_POINTS = 2000;
    /** Points of the descent path drawn on the cost surface; each costs two tiny host copies. */
    private static final int PATH_POINTS = 150;

    private final TrainingContext context;
    private final ParamValues params;

    LinearRegressionTrainer(TrainingContext context) {
        this.context = context;
        this.params = context.params();
    }

    LinearRegressionModel run() {
        Table table = context.data().table();
        int[] featureIdx = table.featureIndices();
        if (featureIdx.length == 0) {
            throw new IllegalArgumentException(
                    "data set '" + context.data().info().id() + "' has no feature column");
        }
        int rows = table.rows();
        int features = featureIdx.length;
        float[] xHost = table.features();
        float[] yHost = table.label();
        boolean scaled = "standardize".equals(params.getString(LinearRegressionParams.FEATURE_SCALING));
        FeatureScaler scaler = scaled ? FeatureScaler.fit(xHost, rows, features) : FeatureScaler.identity(features);
        int batch = params.getInt(LinearRegressionParams.BATCH_SIZE);
        int batchSize = batch <= 0 || batch >= rows ? rows : batch;
        int batchesPerEpoch = (rows + batchSize - 1) / batchSize;
        int epochs = params.getInt(LinearRegressionParams.EPOCHS);
        long totalSteps = (long) epochs * batchesPerEpoch;
        context.metrics().stepsPerEpoch(batchesPerEpoch);
        long reportEvery = Math.max(1, totalSteps / MAX_REPORTED_POINTS);
        DescentPath path = features == 1 ? new DescentPath(totalSteps, PATH_POINTS) : null;
        Optional<NormalEquation> exact = NormalEquation.solve(xHost, yHost, rows, features);
        exact.ifPresent(ne -> {
            context.metrics().report("loss/normal equation", 0, ne.cost());
            context.metrics().report("loss/normal equation", totalSteps, ne.cost());
        });
        Random random = new Random(context.seed());
        float[] trainedX = scaled ? scaler.apply(xHost) : xHost;
        LinearRegressionLive live = new LinearRegressionLive(
                table.names(featureIdx),
                table.names(table.labelIndices()).get(0),
                xHost,
                yHost,
                trainedX,
                scaler,
                scaled,
                exact,
                path,
                Optimizers.SGD.equals(params.getString(LinearRegressionParams.OPTIMIZER)));

        try (NDManager manager = NDManager.newBaseManager(context.device())) {
            NDArray x = manager.create(trainedX, new Shape(rows, features));
            NDArray y = manager.create(yHost, new Shape(rows, 1));
            NDArray w = manager.create(initial(features, random), new Shape(1, features));
            NDArray b = manager.create(initial(1, random), new Shape(1));
            w.setRequiresGradient(true);
            b.setRequiresGradient(true);
            // The pictures of a paused or single-stepped run: W and b are copied to the host only when asked for.
            StepReporter reporter = StepReporter.of(context, "loss", totalSteps)
                    .every(reportEvery)
                    .liveViews(updates -> live.views(updates, toDoubles(w.toFloatArray()), b.getFloat()));
            StepReporter.LiveRate rate = reporter.liveRate(
                    LinearRegressionParams.LEARNING_RATE, params.getDouble(LinearRegressionParams.LEARNING_RATE));
            Optimizer optimizer = Optimizers.byName(params.getString(LinearRegressionParams.OPTIMIZER), rate);
            // Held for the whole run: a Java number in mul() would become a tensor over a buffer the GC may free
            // before backward reads it (see the testkit's GarbagePressure).
            NDArray half = manager.create(0.5f);

            long step = 0;
            long start = System.nanoTime();
            for (int epoch = 0; epoch < epochs; epoch++) {
                NDArray xs = x;
                NDArray ys = y;
                if (batchesPerEpoch > 1) {
                    NDArray order = manager.create(BatchOrder.shuffled(rows, random));
                    xs = x.get(new NDIndex("{}", order));
                    ys = y.get(new NDIndex("{}", order));
                }
                for (int from = 0; from < rows; from += batchSize, step++) {
                    reporter.beginStep();
                    // Watched: this step's pictures show its update, so its numbers are copied to the host.
                    boolean watched = reporter.viewsDue();
                    if (path != null && (path.wants(step) || watched)) {
                        path.add(w.getFloat(), b.getFloat());
                    }
                    // The first update creates the optimizer's state arrays; they must outlive the step scope.
                    try (NDScope scope = step == 0 ? null : new NDScope()) {
                        NDArray xb = batchesPerEpoch > 1 ? xs.get(new NDIndex("{}:{}", from, from + batchSize)) : xs;
                        NDArray yb = batchesPerEpoch > 1 ? ys.get(new NDIndex("{}:{}", from, from + batchSize)) : ys;
                        float loss;
                        try (GradientCollector collector = Gradients.collect(manager)) {
                            NDArray lossArray = halfMse(Linear.linear(xb, w, b).singletonOrThrow(), yb, half);
                            collector.backward(lossArray);
                            loss = lossArray.getFloat();
                        }
                        reporter.check(step, loss);
                        LinearRegressionLive.Update before = watched ? before(step, w, b, rate, loss) : null;
                        optimizer.update("W", w, w.getGradient());
                        optimizer.update("b", b, b.getGradient());
                        if (before != null) {
                            live.updated(after(before, w, b));
                        }
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
            double cost = finalCost(x, y, w, b, half);
            if (!Double.isFinite(cost)) {
                throw new TrainingDivergedException("loss", totalSteps);
            }
            context.metrics().report("loss", totalSteps, cost);
            double[] scaledW = toDoubles(w.toFloatArray());
            double scaledB = b.getFloat();
            if (path != null) {
                path.add(scaledW[0], scaledB);
            }
            Fit fit = new Fit(
                    scaler.originalWeights(scaledW), scaler.originalBias(scaledW, scaledB), scaledW, scaledB, scaled);
            return new LinearRegressionResult(
                            table.names(featureIdx),
                            table.names(table.labelIndices()).get(0),
                            xHost,
                            yHost,
                            scaler,
                            fit,
                            cost,
                            exact,
                            path,
                            msPerEpoch,
                            totalSteps,
                            live.result(totalSteps, fit.w(), fit.b()))
                    .model();
        }
    }

    /**
     * A fitted line in original units, and as trained (scaled) when scaling was on.
     *
     * @param w weights in original units
     * @param b bias in original units
     * @param scaledW weights as trained
     * @param scaledB bias as trained
     * @param scaled whether the features were standardized
     */
    record Fit(double[] w, double b, double[] scaledW, double scaledB, boolean scaled) {}

    /** What a watched step's update starts from: the parameters, their gradients and the rate. */
    private static LinearRegressionLive.Update before(
            long step, NDArray w, NDArray b, StepReporter.LiveRate rate, float loss) {
        return new LinearRegressionLive.Update(
                step,
                toDoubles(w.toFloatArray()),
                b.getFloat(),
                toDoubles(w.getGradient().toFloatArray()),
                b.getGradient().getFloat(),
                rate.value(),
                null,
                Double.NaN,
                loss);
    }

    private static LinearRegressionLive.Update after(LinearRegressionLive.Update before, NDArray w, NDArray b) {
        return new LinearRegressionLive.Update(
                before.step(),
                before.wBefore(),
                before.bBefore(),
                before.gradW(),
                before.gradB(),
                before.alpha(),
                toDoubles(w.toFloatArray()),
                b.getFloat(),
                before.cost());
    }

    static NDArray halfMse(NDArray prediction, NDArray target, NDArray half) {
        return prediction.sub(target).square().mean().mul(half);
    }

    private static double finalCost(NDArray x, NDArray y, NDArray w, NDArray b, NDArray half) {
        try (NDScope scope = new NDScope()) {
            return halfMse(Linear.linear(x, w, b).singletonOrThrow(), y, half).getFloat();
        }
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private float[] initial(int count, Random random) {
        float[] values = new float[count];
        if ("normal".equals(params.getString(LinearRegressionParams.INIT))) {
            for (int i = 0; i < count; i++) {
                values[i] = (float) random.nextGaussian();
            }
        }
        return values;
    }
}
