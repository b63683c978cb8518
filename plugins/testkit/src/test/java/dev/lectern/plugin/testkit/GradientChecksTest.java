package dev.lectern.plugin.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.plugin.api.gradient.GradientCheck;
import dev.lectern.plugin.api.gradient.GradientCheckReport;
import dev.lectern.plugin.api.gradient.GradientCheckRow;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract's gradient check passes a right hand-written gradient and fails a wrong one with a clear message. */
class GradientChecksTest {

    @Test
    void aRightGradientPasses(@TempDir Path dir) throws Exception {
        HandGradientPlugin plugin = new HandGradientPlugin(false);
        GradientCheckReport report =
                GradientChecks.trainedAndLoadedAgree(plugin, plugin.train(null), HandGradientPlugin.data(), dir);
        assertThat(report.passed()).isTrue();
        assertThat(report.rows()).extracting(GradientCheckRow::label).containsExactly("w[0]", "b[0]");
        assertThat(report.worst().orElseThrow().relativeError()).isLessThan(GradientCheck.TOLERANCE);
        // dJ/dw and dJ/db are far from zero at (2.5, −0.5): the check compares real numbers, not two zeros.
        assertThat(report.rows())
                .allSatisfy(r -> assertThat(Math.abs(r.analytic())).isGreaterThan(0.1));
    }

    @Test
    void aGradientThatLostAFactorTwoFailsNamingTheEntry(@TempDir Path dir) {
        HandGradientPlugin plugin = new HandGradientPlugin(true);
        assertThatThrownBy(() -> GradientChecks.trainedAndLoadedAgree(
                        plugin, plugin.train(null), HandGradientPlugin.data(), dir))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the trained model of wrong-gradient")
                .hasMessageContaining("FAILED")
                .hasMessageContaining("backpropagation disagrees with central differences at w[0]")
                .hasMessageContaining("relative error 0.5")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("b[0] ("));
    }

    @Test
    void relativeErrorIsMeasuredAgainstTheLargerGradientOrTheParameterScale() {
        assertThat(GradientCheck.relativeError(1.0, 1.0, 1.0)).isZero();
        assertThat(GradientCheck.relativeError(2.0, 1.0, 0)).isEqualTo(0.5);
        assertThat(GradientCheck.relativeError(-1.0, 1.0, 0)).isEqualTo(2.0);
        // Near zero, the parameter's scale stands in for the entry's own size.
        assertThat(GradientCheck.relativeError(1e-12, 2e-12, 1.0)).isEqualTo(1e-12);
        assertThat(GradientCheck.relativeError(0, 0, 0)).isZero();
        assertThat(GradientCheck.relativeError(Double.NaN, 1, 1)).isNaN();
    }
}
