package dev.lectern.plugin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FloatTextTest {

    @Test
    void valuesSurviveTheRoundTripExactly() {
        float[] values = {0.1f, -3.4028235e38f, 1.4e-45f, 12345.678f, 0f};
        assertThat(FloatText.split(FloatText.join(values))).containsExactly(values);
        assertThat(FloatText.split(FloatText.join(new float[0]))).isEmpty();
    }

    @Test
    void damagedTextIsRefused() {
        assertThatThrownBy(() -> FloatText.split("1.0,oops")).isInstanceOf(NumberFormatException.class);
    }
}
