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

/** A plugin whose training reports a little and then throws, to test how the server records failures. */
public final class FailingLecturePlugin implements LecturePlugin {

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(
                "failing-test",
                "Failing test plugin",
                "Tests",
                "Throws during training.",
                "1.0.0",
                PluginApi.VERSION,
                List.of("none"));
    }

    @Override
    public List<ParamSpec> hyperParameters() {
        return List.of(ParamSpec.ofInt("steps", "Steps before failing", 3, 0, 100, "How many points to report first."));
    }

    @Override
    public Set<DatasetKind> datasetKinds() {
        return Set.of(DatasetKind.TABLE);
    }

    @Override
    public TrainedModel train(TrainingContext context) {
        int steps = context.params().getInt("steps");
        for (int i = 0; i < steps; i++) {
            context.metrics().report("loss", i, 1.0 / (i + 1));
        }
        throw new IllegalStateException("fake failure after " + steps + " steps");
    }

    @Override
    public TrainedModel load(Path directory, Device device) throws IOException {
        throw new IOException("nothing to load");
    }
}
