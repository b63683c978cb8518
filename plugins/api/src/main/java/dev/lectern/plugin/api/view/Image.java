package dev.lectern.plugin.api.view;

import java.util.Objects;

/**
 * A small grey-scale picture, such as an MNIST digit, a learned filter or a feature map.
 *
 * @param caption the text under the picture, such as "predicted 3, true 5"
 * @param width the width in pixels
 * @param height the height in pixels
 * @param pixels row-major intensities in [0, 1], {@code width * height} of them (0 is black)
 */
public record Image(String caption, int width, int height, float[] pixels) {

    /**
     * Creates the record and checks its fields.
     *
     * @param caption the text under the picture, such as "predicted 3, true 5"
     * @param width the width in pixels
     * @param height the height in pixels
     * @param pixels row-major intensities in [0, 1], {@code width * height} of them (0 is black)
     */
    public Image {
        Objects.requireNonNull(pixels, "pixels");
        caption = caption == null ? "" : caption;
        if (width <= 0 || height <= 0 || (long) width * height != pixels.length) {
            throw new IllegalArgumentException(
                    "image '" + caption + "' of " + width + "x" + height + " cannot hold " + pixels.length + " pixels");
        }
    }
}
