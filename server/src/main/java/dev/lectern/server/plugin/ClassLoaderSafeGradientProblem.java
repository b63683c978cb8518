package dev.lectern.server.plugin;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.lectern.plugin.api.gradient.GradientParameter;
import dev.lectern.plugin.api.gradient.GradientProblem;
import java.util.List;
import java.util.Map;

/** A model's gradient problem whose loss and gradient run under the plugin's class loader, as its training did. */
final class ClassLoaderSafeGradientProblem implements GradientProblem {

    private final GradientProblem delegate;
    private final ClassLoader loader;

    ClassLoaderSafeGradientProblem(GradientProblem delegate, ClassLoader loader) {
        this.delegate = delegate;
        this.loader = loader;
    }

    @Override
    public int examples() {
        return PluginCalls.unchecked(loader, delegate::examples);
    }

    @Override
    public List<GradientParameter> parameters() {
        return PluginCalls.unchecked(loader, delegate::parameters);
    }

    @Override
    public NDArray loss(NDManager manager, Map<String, NDArray> parameters) {
        return PluginCalls.unchecked(loader, () -> delegate.loss(manager, parameters));
    }

    @Override
    public Map<String, NDArray> gradient(NDManager manager, Map<String, NDArray> parameters) {
        return PluginCalls.unchecked(loader, () -> delegate.gradient(manager, parameters));
    }
}
