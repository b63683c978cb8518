package dev.lectern.plugin.testkit;

import ai.djl.Device;
import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.PluginApi;
import dev.lectern.plugin.api.PluginDescriptor;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingCancelledException;
import dev.lectern.plugin.api.TrainingContext;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.api.view.View;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A plugin for the testkit's own tests whose training is a script: it reports given loss and accuracy values, one per
 * step, asking for cancellation before each, or throws what it is told to at a given step. It stands for the models an
 * author brings (a perceptron whose criterion starts at 0, a model whose training breaks) without needing an engine.
 */
final class ScriptedPlugin implements LecturePlugin {

    static final TrainingData DATA = TrainingData.ofText(
            new DatasetInfo("scripted", "Scripted", DatasetKind.TEXT, List.of(), "no data: the script is the run"),
            "abc");

    private final double[] loss;
    private final double[] accuracy;
    private final int throwAt;
    private final Supplier<? extends RuntimeException> failure;

    private ScriptedPlugin(
            double[] loss, double[] accuracy, int throwAt, Supplier<? extends RuntimeException> failure) {
        this.loss = loss.clone();
        this.accuracy = accuracy.clone();
        this.throwAt = throwAt;
        this.failure = failure;
    }

    /** Reports the losses and accuracies, step by step, and finishes. */
    static ScriptedPlugin reporting(double[] loss, double[] accuracy) {
        return new ScriptedPlugin(loss, accuracy, -1, null);
    }

    /** Reports the losses until step {@code at}, then throws the failure. */
    static ScriptedPlugin throwingAt(double[] loss, int at, Supplier<? extends RuntimeException> failure) {
        return new ScriptedPlugin(loss, new double[loss.length], at, failure);
    }

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(
                "scripted", "Scripted", "Testing", "A scripted run.", "1.0.0", PluginApi.VERSION, List.of("y = x"));
    }

    @Override
    public List<ParamSpec> hyperParameters() {
        return List.of();
    }

    @Override
    public Set<DatasetKind> datasetKinds() {
        return Set.of(DatasetKind.TEXT);
    }

    @Override
    public TrainedModel train(TrainingContext context) {
        int steps = loss.length;
        context.progress(0, steps);
        for (int step = 0; step < steps; step++) {
            if (context.isCancelled()) {
                throw new TrainingCancelledException();
            }
            if (step == throwAt) {
                throw failure.get();
            }
            context.metrics().report("loss", step, loss[step]);
            context.metrics().report("accuracy", step, accuracy[step]);
            context.progress(step + 1, steps);
        }
        double last = steps == 0 ? 0 : accuracy[steps - 1];
        return new TrainedModel() {
            @Override
            public Map<String, Double> summary() {
                return Map.of("trainAccuracy", last);
            }

            @Override
            public List<View> views() {
                return List.of();
            }

            @Override
            public void save(Path directory) {}

            @Override
            public void close() {}
        };
    }

    @Override
    public TrainedModel load(Path directory, Device device) {
        throw new UnsupportedOperationException("a scripted run is not saved");
    }
}
