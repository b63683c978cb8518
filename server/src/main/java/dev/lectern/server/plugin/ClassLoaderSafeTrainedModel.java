package dev.lectern.server.plugin;

import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.Prediction;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.api.gradient.GradientCheck;
import dev.lectern.plugin.api.gradient.GradientProblem;
import dev.lectern.plugin.api.view.View;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A plugin's trained model whose every method runs under the plugin's class loader, as its training did. */
final class ClassLoaderSafeTrainedModel implements TrainedModel {

    private final TrainedModel delegate;
    private final ClassLoader loader;

    private ClassLoaderSafeTrainedModel(TrainedModel delegate, ClassLoader loader) {
        this.delegate = delegate;
        this.loader = loader;
    }

    static TrainedModel wrap(TrainedModel model, ClassLoader loader) {
        return model == null || model instanceof ClassLoaderSafeTrainedModel
                ? model
                : new ClassLoaderSafeTrainedModel(model, loader);
    }

    @Override
    public Map<String, Double> summary() {
        return PluginCalls.unchecked(loader, delegate::summary);
    }

    @Override
    public List<View> views() {
        return PluginCalls.unchecked(loader, delegate::views);
    }

    @Override
    public void save(Path directory) throws IOException {
        try {
            PluginCalls.call(loader, () -> {
                delegate.save(directory);
                return null;
            });
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    @Override
    public List<ParamSpec> predictInputs() {
        return PluginCalls.unchecked(loader, delegate::predictInputs);
    }

    @Override
    public Prediction predict(ParamValues input) {
        return PluginCalls.unchecked(loader, () -> delegate.predict(input));
    }

    @Override
    public Optional<GradientProblem> gradientProblem(TrainingData data, GradientCheck.Options options) {
        return PluginCalls.unchecked(loader, () -> delegate.gradientProblem(data, options))
                .map(p -> new ClassLoaderSafeGradientProblem(p, loader));
    }

    @Override
    public void close() {
        PluginCalls.run(loader, delegate::close);
    }
}
