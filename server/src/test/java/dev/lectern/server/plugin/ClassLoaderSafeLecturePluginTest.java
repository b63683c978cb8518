package dev.lectern.server.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.PluginApi;
import dev.lectern.plugin.api.PluginDescriptor;
import dev.lectern.plugin.api.Prediction;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingContext;
import dev.lectern.plugin.api.view.View;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassLoaderSafeLecturePluginTest {

    @Test
    void overridesEveryMethodOfThePluginApiSoNewDefaultMethodsAreNotSwallowed() {
        List<String> missing = Arrays.stream(LecturePlugin.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !declares(m))
                .map(Method::getName)
                .toList();
        assertThat(missing)
                .as("LecturePlugin methods the decorator does not delegate")
                .isEmpty();
    }

    @Test
    void overridesEveryMethodOfTheTrainedModel() {
        List<String> missing = Arrays.stream(TrainedModel.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .filter(m -> {
                    try {
                        ClassLoaderSafeTrainedModel.class.getDeclaredMethod(m.getName(), m.getParameterTypes());
                        return false;
                    } catch (NoSuchMethodException e) {
                        return true;
                    }
                })
                .map(Method::getName)
                .toList();
        assertThat(missing)
                .as("TrainedModel methods the decorator does not delegate")
                .isEmpty();
    }

    @Test
    void theTrainedAndTheLoadedModelRunUnderThePluginsClassLoader(@TempDir Path dir) throws Exception {
        try (URLClassLoader pluginLoader =
                new URLClassLoader("plugin:test", new URL[0], getClass().getClassLoader())) {
            Map<String, ClassLoader> seen = new ConcurrentHashMap<>();
            LecturePlugin plugin = new ClassLoaderSafeLecturePlugin(new RecordingPlugin(seen), pluginLoader);
            ClassLoader before = Thread.currentThread().getContextClassLoader();
            try (TrainedModel trained = plugin.train(null)) {
                trained.summary();
                trained.views();
                trained.save(dir);
                trained.predictInputs();
                trained.predict(null);
            }
            try (TrainedModel loaded = plugin.load(dir, Device.cpu())) {
                loaded.predict(null);
            }
            assertThat(seen.keySet())
                    .containsExactlyInAnyOrder(
                            "train", "summary", "views", "save", "predictInputs", "predict", "close", "load");
            assertThat(seen)
                    .allSatisfy(
                            (method, loader) -> assertThat(loader).as(method).isSameAs(pluginLoader));
            assertThat(Thread.currentThread().getContextClassLoader())
                    .as("restored after each call")
                    .isSameAs(before);
        }
    }

    /** Records the context class loader of every call into it and into its model. */
    private record RecordingPlugin(Map<String, ClassLoader> seen) implements LecturePlugin {
        private void saw(String method) {
            seen.put(method, Thread.currentThread().getContextClassLoader());
        }

        @Override
        public PluginDescriptor descriptor() {
            return new PluginDescriptor(
                    "recording",
                    "Recording",
                    "Tests",
                    "Records class loaders.",
                    "1.0.0",
                    PluginApi.VERSION,
                    List.of("none"));
        }

        @Override
        public List<ParamSpec> hyperParameters() {
            return List.of();
        }

        @Override
        public Set<DatasetKind> datasetKinds() {
            return Set.of(DatasetKind.TABLE);
        }

        @Override
        public TrainedModel train(TrainingContext context) {
            saw("train");
            return model();
        }

        @Override
        public TrainedModel load(Path directory, Device device) {
            saw("load");
            return model();
        }

        private TrainedModel model() {
            return new TrainedModel() {
                @Override
                public Map<String, Double> summary() {
                    saw("summary");
                    return Map.of();
                }

                @Override
                public List<View> views() {
                    saw("views");
                    return List.of();
                }

                @Override
                public void save(Path directory) {
                    saw("save");
                }

                @Override
                public List<ParamSpec> predictInputs() {
                    saw("predictInputs");
                    return List.of();
                }

                @Override
                public Prediction predict(ParamValues input) {
                    saw("predict");
                    return null;
                }

                @Override
                public void close() {
                    saw("close");
                }
            };
        }
    }

    private static boolean declares(Method method) {
        try {
            ClassLoaderSafeLecturePlugin.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
