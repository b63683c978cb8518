package dev.lectern.server.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.PluginApi;
import dev.lectern.plugin.api.PluginDescriptor;
import dev.lectern.plugin.api.ResultLabel;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dashboard's lecture order and the plain names of summary keys (plugin API 1.4), with 1.3 plugins' fallbacks. */
class LectureOrderAndResultNamesTest {

    @Test
    void pluginsAreListedByDeclaredLectureThenTopicNumberThenTitleAndFailuresLast() {
        List<PluginStatus> statuses = new ArrayList<>(List.of(
                PluginStatus.failed("x", "broken", "no entry class"),
                loaded(plugin("zeta", "Zeta", "No lecture at all", 0, Map.of())),
                loaded(plugin("cnn", "CNN", "Lecture 11 — convolutions", 11, Map.of())),
                loaded(plugin("rnn", "Char-RNN", "Lecture 12 — RNN", 12, Map.of())),
                loaded(plugin("old", "Old style", "Lecture 5 — an API 1.3 plugin", 0, Map.of())),
                loaded(plugin("lstm", "LSTM", "Lecture 12 — LSTM", 12, Map.of())),
                loaded(plugin("linear", "Linear", "Lecture 2 — cost", 2, Map.of()))));
        statuses.sort(LectureOrder.STATUSES);
        assertThat(statuses.stream().map(PluginStatus::id))
                .containsExactly("linear", "old", "cnn", "rnn", "lstm", "zeta", "broken");
    }

    @Test
    void summaryKeysTakeThePluginsLabelsTheServersOwnOrStayAsTheyAre() {
        ResultNames names = ResultNames.of(Optional.of(
                plugin("p", "P", "Lecture 1", 1, Map.of("msPerEpoch", ResultLabel.of("Time per epoch", "ms")))));
        assertThat(names.display("msPerEpoch")).isEqualTo("Time per epoch (ms)");
        assertThat(names.display("trainSeconds")).isEqualTo("Training time (s)");
        assertThat(names.display("W1")).isEqualTo("W1");
        assertThat(ResultNames.of(Optional.empty()).display("msPerEpoch")).isEqualTo("msPerEpoch");
    }

    private static PluginStatus loaded(LecturePlugin plugin) {
        return PluginStatus.loaded("test", plugin);
    }

    private static LecturePlugin plugin(
            String id, String title, String topic, int lecture, Map<String, ResultLabel> labels) {
        return new LecturePlugin() {
            @Override
            public PluginDescriptor descriptor() {
                return new PluginDescriptor(id, title, topic, "summary", "1.0", PluginApi.VERSION, List.of());
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
            public Map<String, ResultLabel> resultLabels() {
                return labels;
            }

            @Override
            public int lectureNumber() {
                return lecture;
            }

            @Override
            public TrainedModel train(TrainingContext context) {
                throw new UnsupportedOperationException();
            }

            @Override
            public TrainedModel load(Path directory, Device device) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
