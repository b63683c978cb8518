package dev.lectern.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.plugin.api.view.Heatmap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API 1.4 additions: result labels with units, and heat maps of named cells. */
class ResultLabelAndHeatmapTest {

    @Test
    void aLabelShowsItsUnitInParenthesesAndRefusesABlankLabel() {
        assertThat(ResultLabel.of("Time per epoch", "ms").display()).isEqualTo("Time per epoch (ms)");
        assertThat(ResultLabel.of("Classes").display()).isEqualTo("Classes");
        assertThat(new ResultLabel(" Loss ", null).display()).isEqualTo("Loss");
        assertThatThrownBy(() -> ResultLabel.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHeatMapWithNamedColumnsIsDiscreteAndOneWithoutStaysContinuous() {
        double[] x = {0, 1};
        double[] y = {1, 2, 3};
        double[][] values = {{0.1, 0.9}, {0.5, 0.5}, {0.2, 0.8}};
        Heatmap continuous = new Heatmap("map", "x", "y", "p", x, y, values, null, null);
        assertThat(continuous.discrete()).isFalse();
        assertThat(continuous.xCategories()).isEmpty();
        Heatmap cells =
                new Heatmap("map", "character", "position", "p", x, y, values, null, null, List.of("h", "e"), null);
        assertThat(cells.discrete()).isTrue();
        assertThat(cells.xCategories()).containsExactly("h", "e");
        assertThat(cells.yCategories()).isEmpty();
        assertThatThrownBy(() -> new Heatmap("map", "x", "y", "p", x, y, values, null, null, List.of("h"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 x categories for 2 x values");
    }
}
