package dev.lectern.plugin.mlp;

import static dev.lectern.plugin.mlp.MlpParams.ACTIVATION;
import static dev.lectern.plugin.mlp.MlpParams.BATCH_SIZE;
import static dev.lectern.plugin.mlp.MlpParams.DROPOUT;
import static dev.lectern.plugin.mlp.MlpParams.EPOCHS;
import static dev.lectern.plugin.mlp.MlpParams.FEATURE_SCALING;
import static dev.lectern.plugin.mlp.MlpParams.HIDDEN_LAYERS;
import static dev.lectern.plugin.mlp.MlpParams.INIT;
import static dev.lectern.plugin.mlp.MlpParams.LEARNING_RATE;
import static dev.lectern.plugin.mlp.MlpParams.OPTIMIZER;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.Gradients;
import dev.lectern.plugin.api.ImageSet;
import dev.lectern.plugin.api.LabelledImages;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.TrainingContext;
import dev.lectern.plugin.api.TrainingDivergedException;
import dev.lectern.plugin.api.view.View;
import dev.lectern.plugin.support.BatchOrder;
import dev.lectern.plugin.support.DropoutMasks;
import dev.lectern.plugin.support.Labels;
import dev.lectern.plugin.support.Optimizers;
import dev.lectern.plugin.support.Probabilities;
import dev.lectern.plugin.support.StepReporter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongFunction;

/**
 * The training loop, written for speed: the whole training set lives on the device as one array (images arrive as
 * bytes and become floats in [0, 1] there), each epoch gathers a shuffled copy once and slices it into contiguous
 * batches, each step's temporaries die with an {@link NDScope}, the loss is summed on the device and copied to the
 * host only when a point is reported, and the optimizer's fused update runs per array.
 */
final class MlpTrainer {

    /** Enough points for a smooth loss curve; more would only cost database rows. */
    private static final int MAX_REPORTED_POINTS = 2000;
    /** Image runs average the loss over at least this many steps per point: one host copy per 10 steps. */
    private static final int MIN_IMAGE_STEPS_PER_POINT = 10;
    /** Table runs measure accuracy and gradient norms at most this many times. */
    private static final int MAX_ACCURACY_POINTS = 200;
    /** Training accuracy of image runs is measured on this many fixed images, to keep it cheap. */
    static final int TRAIN_ACCURACY_SAMPLE = 10_000;

    private final TrainingContext context;
    private final ParamValues params;

    MlpTrainer(TrainingContext context) {
        this.context = context;
        this.params = context.params();
    }

    MlpModel run() {
        return context.data().info().kind() == DatasetKind.IMAGES ? runImages() : runTable();
    }

    private MlpModel runTable() {
        TableInputs data = TableInputs.prepare(context.data(), "standardize".equals(params.getString(FEATURE_SCALING)));
        int rows = data.rows();
        int[] hidden = HiddenLayers.parse(params.getString(HIDDEN_LAYERS));
        try (NDManager manager = NDManager.newBaseManager(context.device())) {
            NDArray x = manager.create(data.scaled(), new Shape(rows, data.features()));
            NDArray labels = manager.create(Labels.longs(data.labels()));
            int[] sizes = MlpNet.sizes(data.features(), hidden, data.classes());
            DeviceNet net = newNet(manager, sizes);
            Loop loop = new Loop(manager, net, x, labels, data.classes(), false);
            loop.evaluate = epoch -> context.metrics().reportEpoch("accuracy/train", epoch, loop.accuracy(x, labels));
            if ((long) rows * MlpNet.parameterCount(sizes) <= LIVE_SCORING_BUDGET) {
                // The pictures of a paused or single-stepped run (XOR's hidden units), scored on the host from the
                // weights copied only when asked for.
                loop.live = updates -> liveViews(net, data, hidden);
            }
            loop.run();
            try (NDScope scope = new NDScope()) {
                NDArray logits = net.forward(x, false);
                double loss = crossEntropy(logits, loop.oneHot).getFloat();
                if (!Double.isFinite(loss)) {
                    throw new TrainingDivergedException("loss", loop.totalSteps);
                }
                context.metrics().report("loss", loop.totalSteps, loss);
                int[] predicted = logits.argMax(1).toType(DataType.INT32, false).toIntArray();
                MlpNet host = new MlpNet(
                        data.featureNames(),
                        hidden,
                        params.getString(ACTIVATION),
                        data.classNames(),
                        net.hostWeights(),
                        net.hostBiases(),
                        data.mean(),
                        data.scale());
                Map<String, Double> summary = new LinkedHashMap<>();
                summary.put("loss", loss);
                summary.put("trainAccuracy", accuracy(predicted, data.labels()));
                summary.put("parameters", (double) host.parameterCount());
                summary.put("steps", (double) loop.totalSteps);
                summary.put("msPerEpoch", loop.trainingSeconds * 1000 / loop.epochs);
                return new MlpModel(host, null, summary, MlpViews.forTable(host, data, predicted));
            }
        }
    }

    /** Scoring every row on the host for the live pictures costs about this many multiply-adds at most. */
    private static final long LIVE_SCORING_BUDGET = 20_000_000L;

    private List<View> liveViews(DeviceNet net, TableInputs data, int[] hidden) {
        MlpNet host = new MlpNet(
                data.featureNames(),
                hidden,
                params.getString(ACTIVATION),
                data.classNames(),
                net.hostWeights(),
                net.hostBiases(),
                data.mean(),
                data.scale());
        int d = data.features();
        float[] raw = data.raw();
        float[] row = new float[d];
        int[] predicted = new int[data.rows()];
        for (int r = 0; r < predicted.length; r++) {
            System.arraycopy(raw, r * d, row, 0, d);
            predicted[r] = Probabilities.argMax(host.probabilities(row));
        }
        return MlpViews.forTable(host, data, predicted);
    }

    private MlpModel runImages() {
        LabelledImages images = context.data().images();
        ImageSet train = images.train();
        ImageSet test = images.test();
        int inputs = train.height() * train.width();
        int classes = train.classes();
        int[] hidden = HiddenLayers.parse(params.getString(HIDDEN_LAYERS));
        try (NDManager manager = NDManager.newBaseManager(context.device())) {
            NDArray x = pixels(manager, train);
            NDArray labels = manager.create(Labels.longs(train.labels()));
            NDArray testX = pixels(manager, test);
            NDArray testLabels = manager.create(Labels.longs(test.labels()));
            int sample = Math.min(TRAIN_ACCURACY_SAMPLE, train.count());
            NDArray sampleX = x.get(new NDIndex("0:{}", sample));
            NDArray sampleLabels = labels.get(new NDIndex("0:{}", sample));
            DeviceNet net = newNet(manager, MlpNet.sizes(inputs, hidden, classes));
            Loop loop = new Loop(manager, net, x, labels, classes, true);
            double[] accuracies = new double[2];
            loop.evaluate = epoch -> {
                accuracies[0] = loop.accuracy(sampleX, sampleLabels);
                accuracies[1] = loop.accuracy(testX, testLabels);
                context.metrics().reportEpoch("accuracy/train", epoch, accuracies[0]);
                context.metrics().reportEpoch("accuracy/test", epoch, accuracies[1]);
            };
            loop.run();
            int[] predicted;
            try (NDScope scope = new NDScope()) {
                predicted = net.forward(testX, false)
                        .argMax(1)
                        .toType(DataType.INT32, false)
                        .toIntArray();
            }
            List<String> pixelNames = Collections.nCopies(inputs, "pixel");
            float[] zeros = new float[inputs];
            float[] ones = new float[inputs];
            java.util.Arrays.fill(ones, 255f);
            // The network saw pixel/255: the same as "mean 0, scale 255" on the raw 0..255 intensities.
            MlpNet host = new MlpNet(
                    pixelNames,
                    hidden,
                    params.getString(ACTIVATION),
                    train.classNames(),
                    net.hostWeights(),
                    net.hostBiases(),
                    zeros,
                    ones);
            Map<String, Double> summary = new LinkedHashMap<>();
            summary.put("loss", loop.lastEpochLoss);
            summary.put("trainAccuracy", accuracies[0]);
            summary.put("testAccuracy", accuracies[1]);
            summary.put("parameters", (double) host.parameterCount());
            summary.put("steps", (double) loop.totalSteps);
            double secondsPerEpoch = loop.trainingSeconds / loop.epochs;
            summary.put("msPerEpoch", secondsPerEpoch * 1000);
            summary.put("secondsPerEpoch", secondsPerEpoch);
            summary.put("imagesPerSecond", train.count() / secondsPerEpoch);
            return new MlpModel(
                    host, new int[] {train.height(), train.width()}, summary, MlpViews.forImages(test, predicted));
        }
    }

    /**
     * The run's network. Every random number it uses comes from the run's seed: the initial weights from
     * {@code seed}, the batch order from {@code seed + 1} (see Loop), the dropout masks from {@code seed + 2}. Nothing
     * draws from the engine's process-wide generator, which runs training at the same time would share.
     */
    private DeviceNet newNet(NDManager manager, int[] sizes) {
        return new DeviceNet(
                manager,
                sizes,
                params.getString(ACTIVATION),
                params.getString(INIT),
                new DropoutMasks(context.seed() + 2, params.getDouble(DROPOUT)),
                new Random(context.seed()));
    }

    /** The chosen optimizer, with a learning rate the user may change while the run trains. */
    private Optimizer optimizer(StepReporter reporter) {
        return Optimizers.byName(
                params.getString(OPTIMIZER), reporter.liveRate(LEARNING_RATE, params.getDouble(LEARNING_RATE)));
    }

    /** One run of mini-batch gradient descent over resident data. */
    private final class Loop {

        final NDManager manager;
        final DeviceNet net;
        final NDArray x;
        final NDArray oneHot;
        /** −oneHot / batch size: the batch's mean cross-entropy is then one sum, fewer ops per step to run and undo. */
        final NDArray target;

        final int rows;
        final int batchSize;
        final int epochs;
        final long totalSteps;
        final boolean images;
        EpochHook evaluate = epoch -> {};
        /** The live pictures (API 1.4), or null when this run draws none. */
        LongFunction<List<View>> live;

        double trainingSeconds;
        double lastEpochLoss = Double.NaN;

        Loop(NDManager manager, DeviceNet net, NDArray x, NDArray labels, int classes, boolean images) {
            this.manager = manager;
            this.net = net;
            this.x = x;
            this.oneHot = labels.oneHot(classes).toType(DataType.FLOAT32, false);
            this.rows = (int) x.getShape().get(0);
            int batch = params.getInt(BATCH_SIZE);
            this.batchSize = batch <= 0 || batch >= rows ? rows : batch;
            this.epochs = params.getInt(EPOCHS);
            this.totalSteps = (long) epochs * ((rows + batchSize - 1) / batchSize);
            this.images = images;
            // Made before any gradient is recorded, so the Java number's temporary tensor is not kept for backward.
            this.target = oneHot.mul(-1f / batchSize);
        }

        void run() {
            context.metrics().stepsPerEpoch((rows + batchSize - 1) / batchSize);
            Random random = new Random(context.seed() + 1);
            boolean fullBatch = batchSize == rows;
            long reportEvery = Math.max(
                    images ? MIN_IMAGE_STEPS_PER_POINT : 1,
                    (totalSteps + MAX_REPORTED_POINTS - 1) / MAX_REPORTED_POINTS);
            int evaluateEvery = images ? 1 : Math.max(1, (epochs + MAX_ACCURACY_POINTS - 1) / MAX_ACCURACY_POINTS);
            NDArray lossSum = manager.zeros(new Shape());
            NDArray epochLossSum = manager.zeros(new Shape());
            int inWindow = 0;
            StepReporter reporter = StepReporter.of(context, "loss", totalSteps)
                    .every(reportEvery)
                    .alsoAtLastStep()
                    .liveViews(live);
            Optimizer optimizer = optimizer(reporter);
            long step = 0;
            evaluate.after(0);
            for (int epoch = 1; epoch <= epochs; epoch++) {
                long epochStart = System.nanoTime();
                boolean measure = epoch == 1 || epoch % evaluateEvery == 0 || epoch == epochs;
                // Each batch gathers its rows: a shuffled copy of the whole set would cost a pass over it per epoch
                // (190 MB for MNIST) and twice the memory.
                NDArray order = fullBatch ? null : manager.create(BatchOrder.shuffled(rows, random));
                epochLossSum.muli(0);
                for (int from = 0; from < rows; from += batchSize, step++) {
                    reporter.beginStep();
                    int to = Math.min(rows, from + batchSize);
                    // The first update creates the optimizer's state arrays; they must outlive the step scope.
                    try (NDScope scope = step == 0 ? null : new NDScope()) {
                        NDArray index = fullBatch ? null : order.get(new NDIndex("{}:{}", from, to));
                        NDArray xb = fullBatch ? x : x.get(index);
                        NDArray yb = fullBatch ? target : target.get(index);
                        if (to - from != batchSize) {
                            yb = yb.mul((float) batchSize / (to - from)); // a short last batch: its own mean
                        }
                        NDArray loss;
                        try (GradientCollector collector = Gradients.collect(manager)) {
                            loss = net.forward(xb, true).logSoftmax(1).mul(yb).sum();
                            collector.backward(loss);
                        }
                        lossSum.addi(loss);
                        epochLossSum.addi(loss);
                        inWindow++;
                        if (measure && to == rows) {
                            double[] norms = net.gradientNorms();
                            for (int l = 0; l < norms.length; l++) {
                                context.metrics().reportEpoch("gradNorm/layer " + (l + 1), epoch, norms[l]);
                            }
                        }
                        net.update(optimizer);
                        if (reporter.due(step)) {
                            // The only host copy of the loss: one per reported point.
                            reporter.report(step, lossSum.getFloat() / inWindow);
                            lossSum.muli(0);
                            inWindow = 0;
                        }
                    }
                    reporter.endStep(step);
                }
                if (order != null) {
                    order.close();
                }
                double seconds = (System.nanoTime() - epochStart) / 1e9;
                trainingSeconds += seconds;
                int batches = (rows + batchSize - 1) / batchSize;
                lastEpochLoss = epochLossSum.getFloat() / batches;
                if (images) {
                    context.metrics().reportEpoch("secondsPerEpoch", epoch, seconds);
                    context.metrics().reportEpoch("imagesPerSecond", epoch, rows / seconds);
                }
                if (measure) {
                    evaluate.after(epoch);
                }
            }
        }

        double accuracy(NDArray features, NDArray labels) {
            try (NDScope scope = new NDScope()) {
                NDArray predicted = net.forward(features, false).argMax(1);
                return predicted
                        .eq(labels)
                        .toType(DataType.FLOAT32, false)
                        .mean()
                        .getFloat();
            }
        }
    }

    @FunctionalInterface
    private interface EpochHook {
        void after(int epoch);
    }

    /**
     * Mean cross-entropy: fused log-softmax, one-hot mask, per-row sum, mean, negation. No op takes a Java number:
     * DJL would wrap it in a tensor whose buffer the GC may free before backward reads it (see the testkit's
     * GarbagePressure).
     */
    static NDArray crossEntropy(NDArray logits, NDArray oneHot) {
        return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).mean().neg();
    }

    /** Bytes to floats in [0, 1] on the device: one upload of count × pixels bytes, then a cast and a division. */
    private static NDArray pixels(NDManager manager, ImageSet set) {
        int size = set.height() * set.width();
        ByteBuffer buffer = ByteBuffer.allocateDirect(set.pixels().length);
        buffer.put(set.pixels()).flip();
        try (NDArray bytes = manager.create(buffer, new Shape(set.count(), size), DataType.UINT8);
                NDArray floats = bytes.toType(DataType.FLOAT32, false)) {
            return floats.div(255f);
        }
    }

    static double accuracy(int[] predicted, int[] truth) {
        int right = 0;
        for (int i = 0; i < truth.length; i++) {
            right += predicted[i] == truth[i] ? 1 : 0;
        }
        return (double) right / truth.length;
    }

    static List<Integer> misclassified(int[] predicted, byte[] truth, int max) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < predicted.length && out.size() < max; i++) {
            if (predicted[i] != (truth[i] & 0xff)) {
                out.add(i);
            }
        }
        return out;
    }
}
