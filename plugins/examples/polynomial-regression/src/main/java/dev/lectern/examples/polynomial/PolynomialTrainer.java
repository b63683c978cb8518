package dev.lectern.examples.polynomial;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.lectern.plugin.api.Gradients;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.Table;
import dev.lectern.plugin.api.TrainingContext;
import dev.lectern.plugin.api.TrainingDivergedException;
import java.util.Optional;
import java.util.Random;

/**
 * Full-batch gradient descent on cost(θ) = 1/m Σ (H(x) − y)², written as a raw DJL loop: the standardized features
 * go to the device once as one array, the weights are plain arrays with gradients, and each step's temporaries are
 * freed by an {@link NDScope}.
 *
 * <p>The rules every Lectern training loop follows are marked with "Rule:" below.
 */
final class PolynomialTrainer {

    /** Enough points for a smooth loss curve; every point is a row in the server's database. */
    private static final int MAX_REPORTED_POINTS = 1000;
    /** On long runs the live chart still moves at least this often. */
    private static final long REPORT_AT_LEAST_EVERY_NANOS = 1_000_000_000L;
    /** Starting values of θ are drawn from N(0, INIT_SD²) with the run's seed. */
    private static final double INIT_SD = 0.1;

    private final TrainingContext context;
    private final ParamValues params;

    PolynomialTrainer(TrainingContext context) {
        this.context = context;
        this.params = context.params();
    }

    @SuppressWarnings("try") // the NDScopes are used only for what their close() frees
    PolynomialModel run() {
        Table table = context.data().table();
        int[] featureIdx = table.featureIndices();
        if (featureIdx.length != 1) {
            throw new IllegalArgumentException("polynomial regression needs exactly one feature column; data set '"
                    + context.data().info().id() + "' has " + featureIdx.length);
        }
        int rows = table.rows();
        if (rows == 0) {
            throw new IllegalArgumentException(
                    "data set '" + context.data().info().id() + "' has no rows");
        }
        int degree = params.getInt(PolynomialParams.DEGREE);
        int epochs = params.getInt(PolynomialParams.EPOCHS);
        float[] x = table.select(featureIdx);
        float[] y = table.label();
        PolynomialFeatures features = PolynomialFeatures.fit(x, degree);
        float[] z = features.transform(x);
        long reportEvery = Math.max(1, epochs / MAX_REPORTED_POINTS);

        // Rule: declare how many optimizer steps make an epoch, so runs can be drawn by epoch. Full batch: one.
        context.metrics().stepsPerEpoch(1);
        // Rule: metrics named "chart/series" share a chart. The exact optimum is drawn as a reference on the loss
        // chart.
        Optional<LeastSquares> exact = LeastSquares.solve(z, y, degree);
        exact.ifPresent(ls -> {
            context.metrics().report("loss/least squares", 0, ls.cost());
            context.metrics().report("loss/least squares", epochs, ls.cost());
        });

        // Rule: draw every random number from a generator made from context.seed(), never from the engine's
        // (Engine.setRandomSeed, manager.randomNormal, the engine's dropout, DJL's default initializers): the server
        // trains several runs at once in one JVM, and they would share it.
        Random random = new Random(context.seed());
        // Rule: own one NDManager per run on the context's device, and close it (try-with-resources) however the run
        // ends.
        try (NDManager manager = NDManager.newBaseManager(context.device())) {
            NDArray zs = manager.create(z, new Shape(rows, degree));
            NDArray ys = manager.create(y, new Shape(rows, 1));
            NDArray w = manager.create(initial(degree, random), new Shape(1, degree));
            NDArray b = manager.create(initial(1, random), new Shape(1));
            w.setRequiresGradient(true);
            b.setRequiresGradient(true);
            Optimizer optimizer = optimizer();

            long start = System.nanoTime();
            long lastReport = start;
            for (int epoch = 0; epoch < epochs; epoch++) {
                // Rule: check for cancellation once per step.
                context.checkCancelled();
                // Rule (API 1.3): await the control at each step boundary, so the user can pause and single-step.
                context.control().awaitStep(epoch);
                // The first update creates the optimizer's state arrays (Adam's moments); they must outlive the step,
                // so step 0 runs without a scope.
                try (NDScope scope = epoch == 0 ? null : new NDScope()) {
                    float loss;
                    // Rule: record gradients through Gradients.collect, never Engine.newGradientCollector(): several
                    // experiments train at once and DJL's PyTorch engine allows one open collector per JVM.
                    try (GradientCollector collector = Gradients.collect(manager)) {
                        NDArray lossArray = mse(Linear.linear(zs, w, b).singletonOrThrow(), ys);
                        collector.backward(lossArray);
                        loss = lossArray.getFloat();
                    }
                    // Rule: a loss that stopped being finite ends the run with a readable reason.
                    if (!Float.isFinite(loss)) {
                        throw new TrainingDivergedException("loss", epoch);
                    }
                    optimizer.update("w", w, w.getGradient());
                    optimizer.update("b", b, b.getGradient());
                    // Rule: report only what is plotted; each point costs a copy from the device and a database row.
                    if (epoch % reportEvery == 0 || System.nanoTime() - lastReport > REPORT_AT_LEAST_EVERY_NANOS) {
                        context.metrics().report("loss", epoch, loss);
                        lastReport = System.nanoTime();
                    }
                }
                // Rule: report progress; it reaches total at the end.
                context.progress(epoch + 1, epochs);
            }
            double msPerEpoch = (System.nanoTime() - start) / 1e6 / epochs;
            double cost;
            try (NDScope scope = new NDScope()) {
                cost = mse(Linear.linear(zs, w, b).singletonOrThrow(), ys).getFloat();
            }
            if (!Double.isFinite(cost)) {
                throw new TrainingDivergedException("loss", epochs);
            }
            context.metrics().report("loss", epochs, cost);
            // The weights are copied to the host: the returned model holds no native memory.
            return PolynomialModel.trained(
                    table.names(featureIdx).get(0),
                    table.names(table.labelIndices()).get(0),
                    features,
                    toDoubles(w.toFloatArray()),
                    b.getFloat(),
                    cost,
                    exact,
                    msPerEpoch,
                    x,
                    y);
        }
    }

    private static NDArray mse(NDArray prediction, NDArray target) {
        return prediction.sub(target).square().mean();
    }

    private static float[] initial(int count, Random random) {
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

    private Optimizer optimizer() {
        Tracker rate = Tracker.fixed((float) params.getDouble(PolynomialParams.LEARNING_RATE));
        return switch (params.getString(PolynomialParams.OPTIMIZER)) {
            case "momentum" ->
                Optimizer.sgd().setLearningRateTracker(rate).optMomentum(0.9f).build();
            case "adam" -> Optimizer.adam().optLearningRateTracker(rate).build();
            default -> Optimizer.sgd().setLearningRateTracker(rate).build();
        };
    }
}
