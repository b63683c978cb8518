package dev.lectern.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamSpecTest {

    private static final ParamSpec RATE = ParamSpec.ofDouble("learningRate", "Learning rate", 0.01, 1e-7, 10, "step");
    private static final ParamSpec EPOCHS = ParamSpec.ofInt("epochs", "Epochs", 100, 1, 1000, "passes");
    private static final ParamSpec OPT = ParamSpec.ofChoice("optimizer", "Optimizer", "sgd", List.of("sgd", "adam"), "how");

    @Test
    void formTextAndJsonValuesAreConverted() {
        assertThat(RATE.parse("0.5")).isEqualTo(0.5);
        assertThat(RATE.parse(2)).isEqualTo(2.0);
        assertThat(EPOCHS.parse("30")).isEqualTo(30);
        assertThat(EPOCHS.parse(30.0)).isEqualTo(30);
        assertThat(EPOCHS.parse(" ")).isEqualTo(100);
        assertThat(OPT.parse("adam")).isEqualTo("adam");
        assertThat(ParamSpec.ofBoolean("b", "B", false, "h").parse("on")).isEqualTo(true);
    }

    @Test
    void badValuesNameTheFieldAndSayWhatIsWrong() {
        assertThatThrownBy(() -> RATE.parse("-1")).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.field()).isEqualTo("learningRate"))
                .hasMessage("Learning rate must be at least 0.0000001, got -1");
        assertThatThrownBy(() -> RATE.parse("abc")).hasMessage("Learning rate must be a number, got 'abc'");
        assertThatThrownBy(() -> RATE.parse("NaN")).hasMessage("Learning rate must be a finite number");
        assertThatThrownBy(() -> EPOCHS.parse("2.5")).hasMessage("Epochs must be a whole number, got 2.5");
        assertThatThrownBy(() -> EPOCHS.parse(1e9)).hasMessage("Epochs must be at most 1000, got 1000000000");
        assertThatThrownBy(() -> OPT.parse("rmsprop")).hasMessage("Optimizer must be one of sgd, adam, got 'rmsprop'");
    }

    @Test
    void unknownNamesAreRefusedAndDefaultsFilledIn() {
        assertThat(ParamValues.check(List.of(RATE, EPOCHS), Map.of("epochs", "7")).asMap())
                .containsEntry("learningRate", 0.01).containsEntry("epochs", 7);
        assertThatThrownBy(() -> ParamValues.check(List.of(RATE), Map.of("momentum", 0.9)))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("momentum"));
    }

    @Test
    void inconsistentDeclarationsFailWhenThePluginLoads() {
        assertThatThrownBy(() -> ParamSpec.ofInt("n", "N", 0, 1, 10, "h")).hasMessageContaining("default of parameter 'n'");
        assertThatThrownBy(() -> ParamSpec.ofChoice("c", "C", "x", List.of(), "h")).hasMessageContaining("declares no choices");
    }
}
