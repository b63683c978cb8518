package dev.lectern.plugin.cnn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.util.Pair;
import dev.lectern.plugin.api.view.TableView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lecture's layer table against hand-computed numbers, and against the parameters DJL actually creates. */
class CnnLayerTableTest {

    @Test
    void smallPresetCountsMatchTheHandComputedNumbers() {
        CnnArchitecture small = CnnArchitecture.small(3, 10);
        List<CnnArchitecture.Layer> layers = small.layers(28, 28);
        assertThat(layers)
                .extracting(CnnArchitecture.Layer::name)
                .containsExactly("INPUT", "CONV3-32", "POOL2", "CONV3-64", "POOL2", "FC-256", "FC-10");
        // 7·7·64 = 3136 inputs to FC-256: 3136·256 + 256 = 803 072; then 256·10 + 10 = 2 570.
        assertThat(layers)
                .extracting(CnnArchitecture.Layer::parameters)
                .containsExactly(0L, 320L, 0L, 18_496L, 0L, 803_072L, 2_570L);
        assertThat(layers)
                .extracting(CnnArchitecture.Layer::activations)
                .containsExactly(784L, 28L * 28 * 32, 14L * 14 * 32, 14L * 14 * 64, 7L * 7 * 64, 256L, 10L);
        assertThat(small.parameterCount(28, 28)).isEqualTo(320 + 18_496 + 803_072 + 2_570);
        assertThat(layers.get(1).lectureWeights()).isEqualTo(3 * 3 * 32);
    }

    @Test
    void lecturePresetCountsMatchTheHandComputedNumbers() {
        CnnArchitecture lecture = CnnArchitecture.lecture(3, 625, 0.3, 10);
        List<CnnArchitecture.Layer> layers = lecture.layers(28, 28);
        assertThat(layers)
                .extracting(CnnArchitecture.Layer::name)
                .containsExactly(
                        "INPUT", "CONV3-32", "POOL2", "CONV3-64", "POOL2", "CONV3-128", "POOL2", "FC-625", "FC-10");
        // 28 -> 14 -> 7 -> 4 (SAME pooling rounds up), so the FC layer sees 4·4·128 = 2048 inputs as in lab-11-2.
        assertThat(layers.get(6).activations()).isEqualTo(2048);
        assertThat(layers)
                .extracting(CnnArchitecture.Layer::parameters)
                .containsExactly(0L, 320L, 0L, 18_496L, 0L, 73_856L, 0L, 2048L * 625 + 625, 625L * 10 + 10);
        assertThat(lecture.parameterCount(28, 28)).isEqualTo(320 + 18_496 + 73_856 + 1_280_625 + 6_260);
    }

    @Test
    void tableCountsWhatDjlTrains() {
        for (CnnArchitecture architecture : List.of(
                CnnArchitecture.small(3, 10),
                CnnArchitecture.lecture(3, 625, 0.3, 10),
                new CnnArchitecture(List.of(16, 32), 5, 0, 0, 10))) {
            try (Model model = Model.newInstance("cnn")) {
                SequentialBlock block = architecture.build();
                model.setBlock(block);
                block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, 28, 28));
                long djl = 0;
                for (Pair<String, Parameter> p : block.getParameters()) {
                    djl += p.getValue().getArray().size();
                }
                assertThat(architecture.parameterCount(28, 28))
                        .as(architecture.toString())
                        .isEqualTo(djl);
                List<CnnArchitecture.Layer> layers = architecture.layers(28, 28);
                CnnArchitecture.Layer last = layers.get(layers.size() - 1);
                Shape out = block.getOutputShapes(new Shape[] {new Shape(1, 1, 28, 28)})[0];
                assertThat(out).isEqualTo(new Shape(1, last.depth()));
            }
        }
    }

    @Test
    void tableViewHasARowPerLayerAndTotals() {
        TableView table = CnnViews.layerTable(CnnArchitecture.small(3, 10), 28, 28);
        assertThat(table.rows()).hasSize(8);
        List<String> total = table.rows().get(7);
        assertThat(total.get(0)).isEqualTo("total");
        assertThat(total.get(4)).isEqualTo("824,458");
        assertThat(total.get(2))
                .isEqualTo(
                        String.format(java.util.Locale.ROOT, "%,d", 784 + 25_088 + 6_272 + 12_544 + 3_136 + 256 + 10));
        assertThat(table.rows().get(1).get(1)).isEqualTo("28×28×32");
    }
}
