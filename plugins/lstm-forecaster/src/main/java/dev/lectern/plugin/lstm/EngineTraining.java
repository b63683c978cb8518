package dev.lectern.plugin.lstm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import dev.lectern.plugin.api.Gradients;
import dev.lectern.plugin.api.TrainingContext;
import dev.lectern.plugin.support.StepReporter;
import java.util.ArrayList;
import java.util.List;

/**
 * Full-batch Adam on the mean squared error, written as a raw loop for speed (see docs/performance.md: no Block, no
 * Trainer): the windows stay on the device as one array, the parameters are plain arrays with gradients, the LSTM
 * is the engine's fused op (run only while gradients are recorded, see {@link Forward#lstm}), each step's
 * temporaries die with an {@link NDScope}, and the optimizer's fused update also zeroes the gradients.
 *
 * <p>The lab minimises the sum of squared errors; Adam's steps do not depend on a constant factor in the loss, so the
 * mean gives the same trajectory and a loss that reads the same for any number of windows.
 */
final class EngineTraining {

    /** Enough points for a smooth loss curve; more would only cost database rows. */
    private static final int MAX_LOSS_POINTS = 500;
    /** Each validation point is a forward pass and a host copy. */
    private static final int MAX_VALIDATION_POINTS = 50;

    /**
     * What the loop produced.
     *
     * @param weights the trained weights
     * @param firstLoss the loss before the first update
     * @param finalLoss the loss before the last update
     * @param seconds wall time of the loop
     */
    record Result(Weights weights, double firstLoss, double finalLoss, double seconds) {}

    private final ForecastSettings settings;
    private final Windows fit;
    private final Windows validation;

    EngineTraining(ForecastSettings settings, Windows fit, Windows validation) {
        this.settings = settings;
        this.fit = fit;
        this.validation = validation;
    }

    Result run(TrainingContext context, Weights initial) {
        int iterations = settings.iterations();
        long lossEvery = Math.max(1, (iterations + MAX_LOSS_POINTS - 1) / MAX_LOSS_POINTS);
        long validationEvery = Math.max(1, (iterations + MAX_VALIDATION_POINTS - 1) / MAX_VALIDATION_POINTS);
        double validationPersistence = Rmse.of(validation.persistence(), validation.y());
        try (NDManager manager = NDManager.newBaseManager(context.device())) {
            NDArray x = inputs(manager, fit);
            NDArray y = manager.create(fit.y(), new Shape(fit.count(), 1));
            List<NDArray> params = new ArrayList<>();
            for (int i = 0; i < initial.count(); i++) {
                NDArray p = manager.create(
                        initial.values().get(i), new Shape(initial.shapes().get(i)));
                p.setRequiresGradient(true);
                params.add(p);
            }
            Forward forward = new Forward(settings, params);
            double firstLoss = Double.NaN;
            double loss = Double.NaN;
            long start = System.nanoTime();
            // Every iteration sees the whole fit window: one step is one epoch.
            context.metrics().stepsPerEpoch(1);
            // Points by step count alone, as this loop always reported them (no extra points by wall-clock time).
            StepReporter reporter = StepReporter.of(context, "loss", iterations)
                    .every(lossEvery)
                    .alsoAtLastStep()
                    .atLeastEveryNanos(Long.MAX_VALUE);
            // A learning rate the user may change while the run trains.
            Optimizer adam = Optimizer.adam()
                    .optLearningRateTracker(reporter.liveRate(ForecastParams.LEARNING_RATE, settings.learningRate()))
                    .build();
            for (int step = 0; step < iterations; step++) {
                reporter.beginStep();
                // The first update creates Adam's state arrays; they must outlive the step scope.
                try (NDScope scope = step == 0 ? null : new NDScope()) {
                    try (GradientCollector collector = Gradients.collect(manager)) {
                        NDArray mse = forward.apply(x, true).sub(y).square().mean();
                        collector.backward(mse);
                        loss = mse.getFloat();
                    }
                    reporter.check(step, loss);
                    if (step == 0) {
                        firstLoss = loss;
                    }
                    for (int i = 0; i < params.size(); i++) {
                        NDArray p = params.get(i);
                        adam.update(initial.names().get(i), p, p.getGradient());
                    }
                    if (reporter.due(step)) {
                        reporter.report(step, loss);
                    }
                    if (validation.count() > 0 && (step % validationEvery == 0 || step == iterations - 1)) {
                        // Scored in Java on a copy of the weights: a handful of copies instead of a hundred small
                        // engine ops, and exactly the function the final evaluation uses.
                        Weights now = copy(initial, params);
                        double rmse = Rmse.of(
                                new Network(now, settings, validation.steps(), validation.features())
                                        .predictAll(validation),
                                validation.y());
                        context.metrics().report("validation rmse/" + (settings.isLstm() ? "lstm" : "fc"), step, rmse);
                        context.metrics().report("validation rmse/persistence", step, validationPersistence);
                    }
                }
                reporter.endStep(step);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(copy(initial, params), firstLoss, loss, seconds);
        }
    }

    private static NDArray inputs(NDManager manager, Windows w) {
        return manager.create(w.x(), new Shape(w.count(), w.steps(), w.features()));
    }

    private static Weights copy(Weights layout, List<NDArray> params) {
        return new Weights(
                layout.names(),
                layout.shapes(),
                params.stream().map(NDArray::toFloatArray).toList());
    }

    /** The network on the engine, with the same weights layout as {@link Network}. */
    static final class Forward {

        private final ForecastSettings settings;
        private final List<NDArray> params;

        Forward(ForecastSettings settings, List<NDArray> params) {
            this.settings = settings;
            this.params = params;
        }

        /**
         * Forecasts for a batch of windows.
         *
         * @param x windows {@code [N, steps, features]}
         * @param recording true when called inside a gradient collector: then the LSTM runs as the engine's fused
         *     op, which is fast and correct while gradients are recorded; otherwise as the unrolled cell, which is
         *     correct everywhere
         * @return {@code [N, 1]}
         */
        NDArray apply(NDArray x, boolean recording) {
            int n = params.size();
            NDArray headW = params.get(n - 2);
            NDArray headB = params.get(n - 1);
            NDArray last;
            if (settings.isLstm()) {
                if (recording) {
                    last = fused(x).get(":, -1, :");
                } else {
                    NDList states = steps(x);
                    last = states.get(states.size() - 1);
                }
            } else {
                last = x.reshape(x.getShape().get(0), -1);
                for (int l = 0; l < settings.layers(); l++) {
                    last = Linear.linear(last, params.get(2 * l), params.get(2 * l + 1))
                            .head()
                            .tanh();
                }
            }
            return Linear.linear(last, headW, headB).head();
        }

        /**
         * The top layer's hidden state at every step, {@code [N, steps, H]}.
         *
         * <p>The cell is unrolled from elementary ops rather than calling the engine's fused LSTM: on the bundled
         * libtorch 2.7.1 CPU build, the fused op (and DJL's {@code LSTM} block, which calls it) computes the documented
         * LSTM only while gradients are recorded; outside a gradient collector it returns other values (with one
         * input, one unit and zero biases it ignores {@code W_ih} entirely), so validation forecasts would not be the
         * trained network's. NetworkTest pins this cell to PyTorch 1.13's {@code nn.LSTM} and to {@link Network}.
         */
        NDArray lstm(NDArray x) {
            return NDArrays.stack(steps(x), 1);
        }

        /**
         * The engine's fused LSTM op, {@code [N, steps, H]}: one native call per direction instead of a dozen per
         * step. Only valid inside a gradient collector (see {@link #lstm}); NetworkTest checks it there.
         */
        NDArray fused(NDArray x) {
            NDManager manager = x.getManager();
            Shape state = new Shape(settings.layers(), x.getShape().get(0), settings.hidden());
            NDList hx = new NDList(manager.zeros(state), manager.zeros(state));
            NDList weights = new NDList(params.subList(0, params.size() - 2).toArray(new NDArray[0]));
            return x.getNDArrayInternal()
                    .lstm(x, hx, weights, true, settings.layers(), 0.0, true, false, true)
                    .head();
        }

        /** The top layer's hidden state after each step. */
        private NDList steps(NDArray x) {
            int steps = (int) x.getShape().get(1);
            NDArray layerInput = x;
            NDList outputs = null;
            for (int l = 0; l < settings.layers(); l++) {
                NDArray wIh = params.get(4 * l);
                NDArray wHhT = params.get(4 * l + 1).transpose();
                NDArray bias = params.get(4 * l + 2).add(params.get(4 * l + 3));
                // One matrix product projects the inputs of every step; only the recurrent part stays in the loop.
                NDArray projected = layerInput.matMul(wIh.transpose()).add(bias);
                NDArray h = null;
                NDArray c = null;
                outputs = new NDList(steps);
                for (int t = 0; t < steps; t++) {
                    NDArray z = projected.get(new NDIndex(":, {}, :", t));
                    if (h != null) {
                        z = z.add(h.matMul(wHhT));
                    }
                    NDList gates = z.split(4, 1);
                    NDArray i = Activation.sigmoid(gates.get(0));
                    NDArray f = Activation.sigmoid(gates.get(1));
                    NDArray g = gates.get(2).tanh();
                    NDArray o = Activation.sigmoid(gates.get(3));
                    c = c == null ? i.mul(g) : f.mul(c).add(i.mul(g));
                    h = o.mul(c.tanh());
                    outputs.add(h);
                }
                if (l + 1 < settings.layers()) {
                    layerInput = NDArrays.stack(outputs, 1);
                }
            }
            return outputs;
        }
    }
}
