package dev.lectern.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.PluginDescriptor;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChartOrderTest {

    // The names a classifier reports, in the order a database reads them back: by name.
    private static final List<String> BY_NAME =
            List.of("accuracy/test", "accuracy/train", "errors", "gradNorm/layer 1", "loss", "loss/reference");

    @Test
    void withoutADeclarationLossComesFirstThenTheChartsByName() {
        assertThat(ChartOrder.declaredBy(List.of()).sort(BY_NAME))
                .containsExactly(
                        "loss", "loss/reference", "accuracy/test", "accuracy/train", "errors", "gradNorm/layer 1");
    }

    @Test
    void theDeclaredChartsComeFirstInTheirOrderTheRestAfter() {
        ChartOrder order = ChartOrder.of(List.of("errors", "accuracy"));
        assertThat(order.sort(BY_NAME))
                .containsExactly(
                        "errors", "accuracy/test", "accuracy/train", "loss", "loss/reference", "gradNorm/layer 1");
        // Whatever order the metrics were first reported in (a live run) gives the same.
        assertThat(order.sort(List.of(
                        "loss", "gradNorm/layer 1", "accuracy/train", "errors", "loss/reference", "accuracy/test")))
                .isEqualTo(order.sort(BY_NAME));
    }

    @Test
    void aChartsOwnSeriesComesBeforeItsOthers() {
        assertThat(ChartOrder.of(List.of()).sort(List.of("loss/b", "loss/a", "loss")))
                .containsExactly("loss", "loss/a", "loss/b");
        assertThat(ChartOrder.chartOf("accuracy/test")).isEqualTo("accuracy");
        assertThat(ChartOrder.chartOf("/odd")).isEqualTo("/odd");
    }

    @Test
    void comparedRunsFollowTheFirstPluginThenTheNext() {
        ChartOrder order = ChartOrder.declaredBy(List.of(declaring(List.of("errors")), declaring(List.of("accuracy"))));
        assertThat(order.declared()).containsExactly("errors", "accuracy");
    }

    @Test
    void aBrokenDeclarationCostsThePluginItsOrderNotThePage() {
        LecturePlugin throwing = new Plain() {
            @Override
            public List<String> chartOrder() {
                throw new IllegalStateException("broken");
            }
        };
        LecturePlugin nulls = new Plain() {
            @Override
            public List<String> chartOrder() {
                return null;
            }
        };
        assertThat(ChartOrder.declaredBy(List.of(throwing, nulls, declaring(List.of(" ", "errors"))))
                        .declared())
                .containsExactly("errors");
        assertThat(ChartOrder.declaredBy(List.of(new Plain())).declared()).isEmpty();
    }

    private static LecturePlugin declaring(List<String> charts) {
        return new Plain() {
            @Override
            public List<String> chartOrder() {
                return charts;
            }
        };
    }

    /** A plugin that declares nothing: an API 1.3 plugin gets the default. */
    private static class Plain implements LecturePlugin {
        @Override
        public PluginDescriptor descriptor() {
            return new PluginDescriptor("plain", "Plain", "Testing", "Plain.", "1.0.0", "1.3.0", List.of("y = x"));
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
            throw new UnsupportedOperationException();
        }

        @Override
        public TrainedModel load(Path directory, Device device) {
            throw new UnsupportedOperationException();
        }
    }
}
