package dev.lectern.plugin.cnn;

import static dev.lectern.plugin.cnn.CnnParams.BATCH_SIZE;
import static dev.lectern.plugin.cnn.CnnParams.EPOCHS;
import static dev.lectern.plugin.cnn.CnnParams.PRESET;
import static dev.lectern.plugin.cnn.CnnParams.TRAIN_LIMIT;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.lectern.plugin.api.Gradients;
import dev.lectern.plugin.api.ImageSet;
import dev.lectern.plugin.api.LabelledImages;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.TrainingContext;
import dev.lectern.plugin.support.BatchOrder;
import dev.lectern.plugin.support.DropoutMasks;
import dev.lectern.plugin.support.Labels;
import dev.lectern.plugin.support.Optimizers;
import dev.lectern.plugin.support.StepReporter;
import dev.lectern.plugin.support.ZeroInit;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains the network with a manual loop written for speed: the images stay on the device as one float array and
 * are gathered per batch by a shuffled index, the loss is log-softmax times the one-hot labels (three ops), each step's
 * temporaries die with an {@link NDScope}, and every parameter gets the optimizer's fused update (which also zeroes its
 * gradient). Weights start from He initialisation drawn with {@link Random} from the seed and dropout masks come from
 * {@link DropoutMasks}, so two runs with the same seed train alike even while other experiments train beside them.
 */
final class CnnTrainer {

    /** Enough points for a smooth loss curve; more would only cost database rows. */
    private static final int MAX_REPORTED_POINTS = 2000;
    /** Training accuracy is measured on this many fixed training images, not all 60 000, to keep epochs short. */
    static final int TRAIN_ACCURACY_SAMPLE = 10_000;
    /** Images per forward pass when evaluating. */
    private static final int EVAL_BATCH = 500;

    private final TrainingContext context;
    private final ParamValues params;

    CnnTrainer(TrainingContext context) {
        this.context = context;
        this.params = context.params();
    }

    CnnModel run() {
        CnnParams.validate(params);
        LabelledImages images = context.data().images();
        int limit = params.getInt(TRAIN_LIMIT);
        ImageSet train = limit > 0 ? images.train().first(limit) : images.train();
        ImageSet test = images.test();
        if (train.count() == 0) {
            throw new IllegalArgumentException("the data set has no training images");
        }
        int rows = train.count();
        int height = train.height();
        int width = train.width();
        int classes = train.classes();
        CnnArchitecture architecture = CnnParams.architecture(params, classes);
        int batchSize = Math.min(params.getInt(BATCH_SIZE), rows);
        int batchesPerEpoch = (rows + batchSize - 1) / batchSize;
        int epochs = params.getInt(EPOCHS);
        long totalSteps = (long) epochs * batchesPerEpoch;
        context.metrics().stepsPerEpoch(batchesPerEpoch);
        long reportEvery = Math.max(1, (totalSteps + MAX_REPORTED_POINTS - 1) / MAX_REPORTED_POINTS);
        // Every random number of the run comes from its seed: weights and batch order from one generator, dropout
        // masks from another. Nothing draws from the engine's process-wide generator, which concurrent runs share.
        Random random = new Random(context.seed());
        DropoutMasks masks = new DropoutMasks(context.seed() + 1, architecture.dropout());

        Model model = Model.newInstance(CnnModel.MODEL_NAME, context.device());
        try (NDManager data = NDManager.newBaseManager(context.device())) {
            SequentialBlock block = architecture.build(masks);
            model.setBlock(block);
            ZeroInit.initialize(block, model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, height, width));
            initialise(block, random);
            List<Parameter> parameters = block.getParameters().values();
            Optimizer optimizer = optimizer(params, batchesPerEpoch);
            ParameterStore store = new ParameterStore(model.getNDManager(), false);

            NDArray x = pixels(data, train);
            InputScale scale = InputScale.of(x);
            scale.apply(x);
            NDArray oneHot = data.create(Labels.longs(train.labels())).oneHot(classes);
            int sample = Math.min(TRAIN_ACCURACY_SAMPLE, rows);
            NDArray sampleX = x.get(new NDIndex("0:{}", sample));
            NDArray testX = test.count() > 0 ? scale.apply(pixels(data, test)) : null;

            long step = 0;
            // On long runs the curve still moves at least once a second, so the live chart never looks stuck.
            StepReporter reporter = StepReporter.of(context, "loss", totalSteps).every(reportEvery);
            double trainingSeconds = 0;
            double lastLoss = Double.NaN;
            double trainAccuracy = Double.NaN;
            double testAccuracy = Double.NaN;
            int[] testPredicted = new int[0];
            for (int epoch = 1; epoch <= epochs; epoch++) {
                long epochStart = System.nanoTime();
                NDArray order = data.create(BatchOrder.shuffled(rows, random));
                for (int from = 0; from < rows; from += batchSize, step++) {
                    reporter.beginStep();
                    int to = Math.min(rows, from + batchSize);
                    // The first update creates the optimizer's state arrays; they must outlive the step scope.
                    try (NDScope scope = step == 0 ? null : new NDScope()) {
                        NDArray index = order.get(new NDIndex("{}:{}", from, to));
                        NDArray xb = x.get(new NDIndex("{}", index));
                        NDArray yb = oneHot.get(new NDIndex("{}", index));
                        float loss;
                        try (GradientCollector collector = Gradients.collect(data)) {
                            NDArray logits =
                                    block.forward(store, new NDList(xb), true).singletonOrThrow();
                            // No op with a Java number here: DJL wraps it in a tensor whose buffer the GC may free
                            // before backward reads it (see the testkit's GarbagePressure).
                            NDArray lossArray = logits.logSoftmax(1)
                                    .mul(yb)
                                    .sum(new int[] {1})
                                    .mean()
                                    .neg();
                            collector.backward(lossArray);
                            loss = lossArray.getFloat();
                        }
                        reporter.check(step, loss);
                        for (Parameter parameter : parameters) {
                            NDArray weight = parameter.getArray();
                            optimizer.update(parameter.getId(), weight, weight.getGradient());
                        }
                        lastLoss = loss;
                        if (reporter.due(step)) {
                            reporter.report(step, loss);
                        }
                    }
                    reporter.endStep(step);
                }
                order.close();
                double seconds = (System.nanoTime() - epochStart) / 1e9;
                trainingSeconds += seconds;
                context.metrics().reportEpoch("secondsPerEpoch", epoch, seconds);
                context.metrics().reportEpoch("imagesPerSecond", epoch, rows / seconds);

                trainAccuracy = accuracy(predict(block, store, sampleX, sample), train.labels());
                context.metrics().reportEpoch("accuracy/train", epoch, trainAccuracy);
                if (testX != null) {
                    testPredicted = predict(block, store, testX, test.count());
                    testAccuracy = accuracy(testPredicted, test.labels());
                    context.metrics().reportEpoch("accuracy/test", epoch, testAccuracy);
                }
            }
            context.metrics().report("loss", totalSteps, lastLoss);

            Map<String, Double> summary = new LinkedHashMap<>();
            if (testX != null) {
                summary.put("testAccuracy", testAccuracy);
            }
            summary.put("trainAccuracy", trainAccuracy);
            summary.put("loss", lastLoss);
            summary.put("parameters", (double) architecture.parameterCount(height, width));
            summary.put("trainingImages", (double) rows);
            summary.put("msPerEpoch", trainingSeconds * 1000 / epochs);
            CnnModel result = new CnnModel(
                    model,
                    params.getString(PRESET),
                    architecture,
                    height,
                    width,
                    scale,
                    train.classNames(),
                    summary,
                    List.of());
            return result.withViews(CnnViews.all(result, test, testPredicted));
        } catch (RuntimeException | Error e) {
            model.close();
            throw e;
        }
    }

    /** He initialisation (normal, standard deviation √(2 / fan-in)) for weights, zeros for biases. */
    static void initialise(SequentialBlock block, Random random) {
        for (Parameter parameter : block.getParameters().values()) {
            NDArray array = parameter.getArray();
            Shape shape = array.getShape();
            float[] values = new float[Math.toIntExact(shape.size())];
            if (shape.dimension() > 1) {
                double std = Math.sqrt(2.0 / (shape.size() / shape.get(0)));
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (random.nextGaussian() * std);
                }
            }
            array.set(values);
        }
    }

    /** The optimizer, with the learning rate multiplied by the decay factor after every epoch. */
    static Optimizer optimizer(ParamValues params, int stepsPerEpoch) {
        float base = (float) params.getDouble(CnnParams.LEARNING_RATE);
        float decay = (float) params.getDouble(CnnParams.LR_DECAY);
        int epochs = params.getInt(CnnParams.EPOCHS);
        // DJL's factor trackers want uneven or unit steps; an epoch-wise decay is one line.
        int lastEpoch = Math.max(0, epochs - 1);
        Tracker rate = decay >= 1f
                ? Tracker.fixed(base)
                : update -> base * (float) Math.pow(decay, Math.min(lastEpoch, update / Math.max(1, stepsPerEpoch)));
        return Optimizers.byName(params.getString(CnnParams.OPTIMIZER), rate);
    }

    /** The images as one (count, 1, height, width) float array in [0, 1]: one copy of the bytes, two native ops. */
    static NDArray pixels(NDManager manager, ImageSet images) {
        try (NDArray bytes = manager.create(
                ByteBuffer.wrap(images.pixels()),
                new Shape(images.count(), 1, images.height(), images.width()),
                DataType.UINT8)) {
            return bytes.toType(DataType.FLOAT32, false).divi(255f);
        }
    }

    /** The predicted class of the first {@code count} images of {@code x}, in batches. */
    private int[] predict(SequentialBlock block, ParameterStore store, NDArray x, int count) {
        int[] predicted = new int[count];
        for (int from = 0; from < count; from += EVAL_BATCH) {
            context.checkCancelled();
            int to = Math.min(count, from + EVAL_BATCH);
            try (NDScope scope = new NDScope()) {
                NDArray xb = x.get(new NDIndex("{}:{}", from, to));
                NDArray logits = block.forward(store, new NDList(xb), false).singletonOrThrow();
                int[] part = logits.argMax(1).toType(DataType.INT32, false).toIntArray();
                System.arraycopy(part, 0, predicted, from, part.length);
            }
        }
        return predicted;
    }

    static double accuracy(int[] predicted, byte[] labels) {
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == Byte.toUnsignedInt(labels[i])) {
                right++;
            }
        }
        return predicted.length == 0 ? Double.NaN : (double) right / predicted.length;
    }
}
