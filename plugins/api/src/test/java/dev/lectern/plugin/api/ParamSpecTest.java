package dev.lectern.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamSpecTest {

    private static final ParamSpec RATE = ParamSpec.ofDouble("learningRate", "Learning rate", 0.01, 1e-7, 10, "step");
    private static final ParamSpec EPOCHS = ParamSpec.ofInt("epochs", "Epochs", 100, 1, 1000, "passes");
    private static final ParamSpec OPT =
            ParamSpec.ofChoice("optimizer", "Optimizer", "sgd", List.of("sgd", "adam"), "how");

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
        assertThatThrownBy(() -> RATE.parse("-1"))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
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
        assertThat(ParamValues.check(List.of(RATE, EPOCHS), Map.of("epochs", "7"))
                        .asMap())
                .containsEntry("learningRate", 0.01)
                .containsEntry("epochs", 7);
        assertThatThrownBy(() -> ParamValues.check(List.of(RATE), Map.of("momentum", 0.9)))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.field()).isEqualTo("momentum"));
    }

    @Test
    void inconsistentDeclarationsFailWhenThePluginLoads() {
        assertThatThrownBy(() -> ParamSpec.ofInt("n", "N", 0, 1, 10, "h"))
                .hasMessageContaining("default of parameter 'n'");
        assertThatThrownBy(() -> ParamSpec.ofChoice("c", "C", "x", List.of(), "h"))
                .hasMessageContaining("declares no choices");
    }

    @Test
    void textIsBoundedInLength() {
        ParamSpec prompt = ParamSpec.ofText("prompt", "Prompt", "hel", 5, "start of the text");
        assertThat(prompt.parse("hello")).isEqualTo("hello");
        assertThat(prompt.parse("")).isEqualTo("hel");
        assertThatThrownBy(() -> prompt.parse("hello!"))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.getMessage()).contains("Prompt must be at most 5 characters long, got 6"));
        assertThatThrownBy(() -> prompt.parse(12)).hasMessageContaining("Prompt must be text");
    }

    @Test
    void imagesArePngDataUrlsWithValidBase64() {
        ParamSpec digit = ParamSpec.ofImage("digit", "Digit", "draw one");
        String png = "data:image/png;base64,"
                + java.util.Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(digit.parse(png)).isEqualTo(png);
        assertThat(ParamSpec.imageBytes(png)).startsWith((byte) 0x89, (byte) 'P');
        assertThatThrownBy(() -> digit.parse("data:image/jpeg;base64,AAAA"))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.field()).isEqualTo("digit");
                    assertThat(e.getMessage()).contains("PNG image");
                });
        assertThatThrownBy(() -> digit.parse("data:image/png;base64,@@@")).hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> digit.parse("data:image/png;base64," + "A".repeat(ParamSpec.MAX_IMAGE_CHARS)))
                .hasMessageContaining("at most 2000000 characters");
    }
}
