package dev.lectern.plugin.charrnn;

import static dev.lectern.plugin.charrnn.CharRnnParams.BATCH_SIZE;
import static dev.lectern.plugin.charrnn.CharRnnParams.CELL;
import static dev.lectern.plugin.charrnn.CharRnnParams.CLIP_NORM;
import static dev.lectern.plugin.charrnn.CharRnnParams.EPOCHS;
import static dev.lectern.plugin.charrnn.CharRnnParams.HIDDEN_SIZE;
import static dev.lectern.plugin.charrnn.CharRnnParams.LAYERS;
import static dev.lectern.plugin.charrnn.CharRnnParams.LEARNING_RATE;
import static dev.lectern.plugin.charrnn.CharRnnParams.SAMPLE_LENGTH;
import static dev.lectern.plugin.charrnn.CharRnnParams.SEQ_LENGTH;
import static dev.lectern.plugin.charrnn.CharRnnParams.STEPS_PER_EPOCH;
import static dev.lectern.plugin.charrnn.CharRnnParams.TEMPERATURE;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import dev.lectern.plugin.api.Gradients;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.TrainingContext;
import dev.lectern.plugin.api.view.View;
import dev.lectern.plugin.support.StepReporter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The training loop: truncated backpropagation through time over a text held on the device as one index array,
 * read as B parallel streams (see {@link CorpusWindows}). Each step slices the next window of T characters, runs the
 * fused recurrent kernel from the state the previous window ended in (detached, so the gradient stops at the window's
 * edge), clips the gradient by its global norm and lets Adam update each array in place. Each step's temporaries die
 * with an {@link NDScope}; the loss is summed on the device and copied to the host only when a point is reported.
 * After every epoch a short text is traced (the predicted string and every probability) and a long one sampled.
 */
final class CharRnnTrainer {

    /** Enough points for a smooth loss curve. */
    private static final int MAX_REPORTED_POINTS = 2000;
    /** Steps of a short text get one probability series each, up to this many. */
    private static final int MAX_PROBABILITY_SERIES = 8;
    /**
     * The longest text trained on, in characters; an upload beyond it trains on its beginning. The layout costs 16
     * bytes per character on the device and three times that on the host while it is built, so 10 million characters
     * (ten Tiny Shakespeares) stay well inside the server's memory.
     */
    static final int MAX_CHARACTERS = 10_000_000;

    private final TrainingContext context;
    private final ParamValues params;

    CharRnnTrainer(TrainingContext context) {
        this.context = context;
        this.params = context.params();
    }

    CharRnnModel run() {
        String text = context.data().text();
        boolean cut = text.length() > MAX_CHARACTERS && text.codePointCount(0, text.length()) > MAX_CHARACTERS;
        if (cut) {
            text = text.substring(0, text.offsetByCodePoints(0, MAX_CHARACTERS));
        }
        Vocabulary vocabulary = Vocabulary.of(text, Vocabulary.MAX_SIZE);
        long[] encoded = vocabulary.encodeCorpus(text);
        if (encoded.length < 2) {
            throw new IllegalArgumentException(
                    "data set '" + context.data().info().id()
                            + "' must hold at least two characters: the model learns to predict each next one");
        }
        CellType cell = CellType.of(params.getString(CELL));
        RecurrentNet net = RecurrentNet.initialise(
                context.device(),
                cell,
                vocabulary.size(),
                params.getInt(HIDDEN_SIZE),
                params.getInt(LAYERS),
                new Random(context.seed()));
        boolean done = false;
        try (NDManager manager = NDManager.newBaseManager(context.device());
                CorpusWindows windows =
                        new CorpusWindows(manager, encoded, params.getInt(BATCH_SIZE), params.getInt(SEQ_LENGTH))) {
            Loop loop = new Loop(manager, net, windows, vocabulary, encoded);
            loop.cut = cut;
            loop.run();
            CharRnnModel model = new CharRnnModel(
                    net, vocabulary, vocabulary.decode(new int[] {(int) encoded[0]}), loop.summary(), loop.views());
            done = true;
            return model;
        } finally {
            if (!done) {
                net.close();
            }
        }
    }

    private final class Loop {

        final NDManager manager;
        final RecurrentNet net;
        final CorpusWindows windows;
        final Vocabulary vocabulary;
        final ShortTextTrace trace;
        final int epochs;
        final int stepsPerEpoch;
        final long totalSteps;
        final double clipNorm;
        final List<String[]> samples = new ArrayList<>();
        final long characters;
        boolean cut;
        double lastEpochLoss = Double.NaN;
        double trainingSeconds;

        Loop(NDManager manager, RecurrentNet net, CorpusWindows windows, Vocabulary vocabulary, long[] encoded) {
            this.manager = manager;
            this.net = net;
            this.windows = windows;
            this.vocabulary = vocabulary;
            this.trace = ShortTextTrace.applies(encoded) ? new ShortTextTrace(vocabulary, encoded) : null;
            this.epochs = params.getInt(EPOCHS);
            int perEpoch = params.getInt(STEPS_PER_EPOCH);
            this.stepsPerEpoch = perEpoch > 0 ? perEpoch : windows.windowsPerPass();
            this.totalSteps = (long) epochs * stepsPerEpoch;
            this.clipNorm = params.getDouble(CLIP_NORM);
            this.characters = encoded.length;
        }

        void run() {
            context.metrics().stepsPerEpoch(stepsPerEpoch);
            long reportEvery = Math.max(1, (totalSteps + MAX_REPORTED_POINTS - 1) / MAX_REPORTED_POINTS);
            // A short text's pictures (the "hello" road and h_t per character) while paused or single-stepped.
            StepReporter reporter = StepReporter.of(context, "loss", totalSteps)
                    .every(reportEvery)
                    .alsoAtLastStep()
                    .liveViews(trace == null ? null : this::liveViews);
            // A learning rate the user may change while the run trains.
            Optimizer adam = Optimizer.adam()
                    .optLearningRateTracker(reporter.liveRate(LEARNING_RATE, params.getDouble(LEARNING_RATE)))
                    .build();
            Random sampling = new Random(context.seed() + 1);
            NDArray lossSum = manager.zeros(new Shape());
            NDArray epochLossSum = manager.zeros(new Shape());
            NDList state = net.zeroState(manager, windows.streams());
            int inWindow = 0;
            int cursor = 0;
            long step = 0;
            for (int epoch = 1; epoch <= epochs; epoch++) {
                long epochStart = System.nanoTime();
                epochLossSum.muli(0);
                for (int s = 0; s < stepsPerEpoch; s++, step++) {
                    reporter.beginStep();
                    if (cursor == 0) {
                        // A new pass starts at the beginning of every stream: nothing came before it.
                        state.close();
                        state = net.zeroState(manager, windows.streams());
                    }
                    // Decided before the step: a reported step also needs the gradient norm from before the update.
                    boolean report = reporter.due(step);
                    // The first update creates Adam's state arrays; they must outlive the step scope.
                    try (NDScope scope = step == 0 ? null : new NDScope()) {
                        NDArray x = windows.inputs(cursor).oneHot(net.vocab());
                        NDArray y = windows.targets(cursor);
                        NDArray loss;
                        RecurrentNet.Output out;
                        try (GradientCollector collector = Gradients.collect(manager)) {
                            out = net.forward(x, state, true);
                            loss = crossEntropy(out.scores(), y);
                            collector.backward(loss);
                        }
                        NDList next = new NDList();
                        for (NDArray a : out.state()) {
                            next.add(a.stopGradient());
                        }
                        NDScope.unregister(next);
                        state.close();
                        state = next;
                        NDArray norm = clipNorm > 0
                                ? GradientClipping.clip(net.parameters(), clipNorm)
                                : report ? GradientClipping.globalNorm(net.parameters()) : null;
                        net.update(adam);
                        lossSum.addi(loss);
                        epochLossSum.addi(loss);
                        inWindow++;
                        if (report) {
                            reporter.report(step, lossSum.getFloat() / inWindow);
                            context.metrics().report("gradNorm", step, norm.getFloat());
                            lossSum.muli(0);
                            inWindow = 0;
                        }
                    }
                    cursor = (cursor + 1) % windows.windowsPerPass();
                    reporter.endStep(step);
                }
                trainingSeconds += (System.nanoTime() - epochStart) / 1e9;
                lastEpochLoss = epochLossSum.getFloat() / stepsPerEpoch;
                reporter.check(step, lastEpochLoss);
                context.metrics().reportEpoch("lossPerEpoch", epoch, lastEpochLoss);
                context.metrics().reportEpoch("perplexity", epoch, Math.exp(lastEpochLoss));
                afterEpoch(epoch, sampling);
                if (trace != null) {
                    // The epoch's trace is recorded only now, after its last step's pictures were skipped as stale.
                    reporter.showViewsIfDue(step);
                }
            }
            state.close();
        }

        /**
         * The pictures after {@code updates} steps; none while the epoch those steps end has not been traced yet
         * (afterEpoch draws them then).
         */
        private List<View> liveViews(long updates) {
            boolean stale = updates > 0
                    && updates % stepsPerEpoch == 0
                    && updates / stepsPerEpoch > trace.epochs().size();
            if (stale) {
                return List.of();
            }
            List<View> views = new ArrayList<>();
            if (!trace.epochs().isEmpty()) {
                views.addAll(CharRnnViews.forShortText(trace));
            }
            views.add(CharRnnFormulas.of(net, trace));
            return views;
        }

        private void afterEpoch(int epoch, Random sampling) {
            if (trace != null) {
                ShortTextTrace.Epoch e =
                        trace.record(epoch, lastEpochLoss, Sampler.nextCharProbabilities(net, trace.input()));
                context.metrics().text("predicted", epoch, e.predicted());
                context.metrics().text("probabilities", epoch, trace.describe(e));
                double[] p = trace.correctProbabilities(e);
                for (int t = 0; t < Math.min(p.length, MAX_PROBABILITY_SERIES); t++) {
                    context.metrics().reportEpoch("P(right next char)/" + (t + 1) + ": " + trace.step(t), epoch, p[t]);
                }
                return;
            }
            double temperature = params.getDouble(TEMPERATURE);
            String start = vocabulary.charAt(0);
            Sampler.Sample sample = Sampler.generate(
                    net, vocabulary.encodePrompt(start, "prompt"), params.getInt(SAMPLE_LENGTH), temperature, sampling);
            String text = start + vocabulary.decode(sample.generated());
            context.metrics().text("sample", epoch, text);
            samples.add(
                    new String[] {Integer.toString(epoch), String.format(Locale.ROOT, "%.4f", lastEpochLoss), text});
        }

        Map<String, Double> summary() {
            Map<String, Double> summary = new LinkedHashMap<>();
            summary.put("loss", lastEpochLoss);
            summary.put("perplexity", Math.exp(lastEpochLoss));
            if (trace != null) {
                List<ShortTextTrace.Epoch> all = trace.epochs();
                double[] p = trace.correctProbabilities(all.get(all.size() - 1));
                summary.put("minP(right next char)", Arrays.stream(p).min().orElse(0));
                int reached = trace.epochsToTarget();
                if (reached > 0) {
                    summary.put("epochsToTarget", (double) reached);
                }
            }
            summary.put("epochs", (double) epochs);
            summary.put("steps", (double) totalSteps);
            summary.put("parameters", (double) net.parameterCount());
            summary.put("vocabulary", (double) vocabulary.size());
            summary.put("characters", (double) characters);
            summary.put("streams", (double) windows.streams());
            summary.put("window", (double) windows.window());
            summary.put("msPerStep", trainingSeconds * 1000 / totalSteps);
            return summary;
        }

        List<View> views() {
            if (trace != null) {
                List<View> views = new ArrayList<>(CharRnnViews.forShortText(trace));
                views.add(CharRnnFormulas.of(net, trace));
                return views;
            }
            return CharRnnViews.forCorpus(samples, params.getDouble(TEMPERATURE), vocabulary, cut ? characters : 0);
        }
    }

    /** Mean cross-entropy of the targets under the scores: fused log-softmax, one gather, mean. */
    static NDArray crossEntropy(NDArray scores, NDArray targets) {
        return scores.logSoftmax(1).gather(targets.reshape(-1, 1), 1).mean().neg();
    }
}
