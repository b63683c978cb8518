package dev.lectern.server.plugin;

import ai.djl.Device;
import dev.lectern.plugin.api.DataRequirements;
import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.PluginDescriptor;
import dev.lectern.plugin.api.ResultLabel;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Runs every call into a plugin, and into the models it returns, with the plugin's class loader as the thread's context class loader, because
 * libraries (DJL's {@code ClassLoaderUtils} among them) look classes and resources up through it.
 */
final class ClassLoaderSafeLecturePlugin implements LecturePlugin {

    private final LecturePlugin delegate;
    private final ClassLoader loader;

    ClassLoaderSafeLecturePlugin(LecturePlugin delegate) {
        this(delegate, delegate.getClass().getClassLoader());
    }

    ClassLoaderSafeLecturePlugin(LecturePlugin delegate, ClassLoader loader) {
        this.delegate = delegate;
        this.loader = loader;
    }

    LecturePlugin delegate() {
        return delegate;
    }

    @Override
    public PluginDescriptor descriptor() {
        return unchecked(delegate::descriptor);
    }

    @Override
    public List<ParamSpec> hyperParameters() {
        return unchecked(delegate::hyperParameters);
    }

    @Override
    public Set<DatasetKind> datasetKinds() {
        return unchecked(delegate::datasetKinds);
    }

    @Override
    public DataRequirements dataRequirements() {
        DataRequirements declared = unchecked(delegate::dataRequirements);
        return declared == null ? DataRequirements.any() : declared;
    }

    @Override
    public String guide() {
        return unchecked(delegate::guide);
    }

    @Override
    public Map<String, Object> defaultsFor(DatasetInfo dataset) {
        return unchecked(() -> delegate.defaultsFor(dataset));
    }

    @Override
    public void validate(ParamValues values, DatasetInfo dataset) {
        unchecked(() -> {
            delegate.validate(values, dataset);
            return null;
        });
    }

    // Delegated: the default would look for the bundle beside this wrapper, not beside the plugin.
    @Override
    public ResourceBundle messages(Locale locale) {
        return unchecked(() -> delegate.messages(locale));
    }

    @Override
    public Set<String> liveParameters() {
        return unchecked(delegate::liveParameters);
    }

    @Override
    public List<String> chartOrder() {
        return unchecked(delegate::chartOrder);
    }

    @Override
    public boolean checksGradients() {
        return unchecked(delegate::checksGradients);
    }

    @Override
    public Map<String, ResultLabel> resultLabels() {
        return unchecked(delegate::resultLabels);
    }

    @Override
    public int lectureNumber() {
        return unchecked(delegate::lectureNumber);
    }

    @Override
    public TrainedModel train(TrainingContext context) throws Exception {
        return ClassLoaderSafeTrainedModel.wrap(call(() -> delegate.train(context)), loader);
    }

    @Override
    public TrainedModel load(Path directory, Device device) throws IOException {
        try {
            return ClassLoaderSafeTrainedModel.wrap(call(() -> delegate.load(directory, device)), loader);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private <T> T call(Callable<T> action) throws Exception {
        return PluginCalls.call(loader, action);
    }

    private <T> T unchecked(Callable<T> action) {
        return PluginCalls.unchecked(loader, action);
    }
}
