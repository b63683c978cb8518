package dev.lectern.server.testing;

import ai.djl.Device;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.PluginApi;
import dev.lectern.plugin.api.PluginDescriptor;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** A badly written plugin: it never checks cancellation and swallows interrupts, for testing the time limit. */
public final class StubbornLecturePlugin implements LecturePlugin {

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(
                "stubborn-test",
                "Stubborn test plugin",
                "Tests",
                "Ignores cancellation.",
                "1.0.0",
                PluginApi.VERSION,
                List.of("none"));
    }

    @Override
    public List<ParamSpec> hyperParameters() {
        return List.of(ParamSpec.ofInt("seconds", "Seconds to run", 30, 1, 600, "How long it runs, whatever happens."));
    }

    @Override
    public Set<DatasetKind> datasetKinds() {
        return Set.of(DatasetKind.TABLE);
    }

    @Override
    public TrainedModel train(TrainingContext context) {
        long end = System.nanoTime() + context.params().getInt("seconds") * 1_000_000_000L;
        long step = 0;
        while (System.nanoTime() < end) {
            context.metrics().report("loss", step, 1.0 / ++step);
            try {
                Thread.sleep(100);
            } catch (InterruptedException ignored) {
                // deliberately ignored: this plugin is the badly behaved case
            }
        }
        throw new IllegalStateException("finished without a model");
    }

    @Override
    public TrainedModel load(Path directory, Device device) throws IOException {
        throw new IOException("nothing to load");
    }
}
