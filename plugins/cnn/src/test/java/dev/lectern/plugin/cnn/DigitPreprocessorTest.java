package dev.lectern.plugin.cnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.plugin.api.InvalidParameterException;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Drawings become MNIST-like inputs: ink scaled into a 20-pixel box and centred by mass in 28×28. */
class DigitPreprocessorTest {

    @Test
    void aSmallOffCentreStrokeIsScaledIntoTheBoxAndCentredByMass() {
        float[] pixels = DigitPreprocessor.fromPng(Drawings.png(Drawings.one()), "digit", 28, 28);

        assertThat(pixels).hasSize(784);
        int top = 28;
        int bottom = -1;
        double mass = 0;
        double cx = 0;
        double cy = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                float v = pixels[y * 28 + x];
                assertThat(v).isBetween(0f, 1f);
                if (v > 0.1f) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
                mass += v;
                cx += v * (x + 0.5);
                cy += v * (y + 0.5);
            }
        }
        assertThat(bottom - top + 1).as("height of the ink: the 20-pixel box").isBetween(19, 21);
        assertThat(cx / mass).as("centre of mass, x").isCloseTo(14, Offset.offset(1.0));
        assertThat(cy / mass).as("centre of mass, y").isCloseTo(14, Offset.offset(1.0));
        assertThat(pixels[0]).as("corners stay paper").isZero();
    }

    @Test
    void anEmptyCanvasOrBytesThatAreNoPictureAreRefusedNamingTheField() {
        assertThatThrownBy(() -> DigitPreprocessor.fromPng(Drawings.png(Drawings.draw(g -> {})), "digit", 28, 28))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.field()).isEqualTo("digit");
                    assertThat(e.getMessage()).contains("empty");
                });
        assertThatThrownBy(() -> DigitPreprocessor.fromPng(new byte[] {1, 2, 3}, "digit", 28, 28))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("not a PNG");
    }
}
