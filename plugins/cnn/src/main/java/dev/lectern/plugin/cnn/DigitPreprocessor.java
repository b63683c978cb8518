package dev.lectern.plugin.cnn;

import dev.lectern.plugin.api.InvalidParameterException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Turns a drawn picture into an input like MNIST's digits, the way the data set's authors prepared theirs: the ink's
 * bounding box is scaled, keeping its aspect ratio, to fit a 20×20 box, which is placed in the 28×28 image so that
 * the ink's centre of mass falls on the image's centre. A network trained on MNIST reads a digit drawn anywhere on
 * the canvas, at any size, only after this.
 */
final class DigitPreprocessor {

    /** The side of the box the digit is scaled into, as in MNIST. */
    private static final int BOX = 20;
    /** Grey levels below this count as paper, not ink: anti-aliasing leaves faint pixels around strokes. */
    private static final float INK = 0.1f;

    private static final int MAX_SIDE = 4096;

    private DigitPreprocessor() {}

    /**
     * Decodes a PNG and prepares it.
     *
     * @param png the PNG file's bytes: light ink on a dark background, as the drawing canvas makes it
     * @param field the input's name, for errors
     * @param height the model's image height (28 for MNIST)
     * @param width the model's image width
     * @return height × width grey levels in [0, 1], row by row
     * @throws InvalidParameterException when the bytes are not a readable image or hold no ink
     */
    static float[] fromPng(byte[] png, String field, int height, int width) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException | RuntimeException e) {
            throw new InvalidParameterException(field, "the picture could not be read as PNG: " + e.getMessage());
        }
        if (image == null) {
            throw new InvalidParameterException(field, "the picture is not a PNG image");
        }
        if (image.getWidth() > MAX_SIDE || image.getHeight() > MAX_SIDE) {
            throw new InvalidParameterException(field, "the picture is larger than " + MAX_SIDE + " pixels on a side");
        }
        return centre(grey(image), image.getWidth(), image.getHeight(), field, height, width);
    }

    /** Grey level in [0, 1] of every pixel; transparent pixels count as paper. */
    static float[] grey(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] grey = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                float alpha = ((argb >>> 24) & 0xff) / 255f;
                float luminance =
                        (0.299f * ((argb >> 16) & 0xff) + 0.587f * ((argb >> 8) & 0xff) + 0.114f * (argb & 0xff))
                                / 255f;
                grey[y * w + x] = luminance * alpha;
            }
        }
        return grey;
    }

    /** Fits the ink of a grey picture into the box and centres it by mass. */
    static float[] centre(float[] grey, int w, int h, String field, int outHeight, int outWidth) {
        int left = w;
        int right = -1;
        int top = h;
        int bottom = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (grey[y * w + x] > INK) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        if (right < 0) {
            throw new InvalidParameterException(field, "the picture is empty: draw a digit first");
        }
        int boxW = right - left + 1;
        int boxH = bottom - top + 1;
        int box = Math.min(BOX, Math.min(outHeight, outWidth) - 2);
        double scale = (double) box / Math.max(boxW, boxH);
        int scaledW = Math.max(1, (int) Math.round(boxW * scale));
        int scaledH = Math.max(1, (int) Math.round(boxH * scale));
        float[] scaled = areaResample(grey, w, left, top, boxW, boxH, scaledW, scaledH);

        double mass = 0;
        double cx = 0;
        double cy = 0;
        for (int y = 0; y < scaledH; y++) {
            for (int x = 0; x < scaledW; x++) {
                float v = scaled[y * scaledW + x];
                mass += v;
                cx += v * (x + 0.5);
                cy += v * (y + 0.5);
            }
        }
        cx = mass > 0 ? cx / mass : scaledW / 2.0;
        cy = mass > 0 ? cy / mass : scaledH / 2.0;
        int offsetX = (int) Math.round(outWidth / 2.0 - cx);
        int offsetY = (int) Math.round(outHeight / 2.0 - cy);
        float[] out = new float[outHeight * outWidth];
        for (int y = 0; y < scaledH; y++) {
            for (int x = 0; x < scaledW; x++) {
                int tx = x + offsetX;
                int ty = y + offsetY;
                if (tx >= 0 && tx < outWidth && ty >= 0 && ty < outHeight) {
                    out[ty * outWidth + tx] = Math.min(1f, scaled[y * scaledW + x]);
                }
            }
        }
        return out;
    }

    // Averages the source pixels each target pixel covers: shrinking a 200-pixel stroke to 20 keeps it smooth, as
    // MNIST's anti-aliased digits are.
    private static float[] areaResample(
            float[] src, int srcWidth, int left, int top, int boxW, int boxH, int outW, int outH) {
        float[] out = new float[outW * outH];
        double sx = (double) boxW / outW;
        double sy = (double) boxH / outH;
        for (int y = 0; y < outH; y++) {
            int y0 = top + (int) Math.floor(y * sy);
            int y1 = Math.max(y0 + 1, top + (int) Math.ceil((y + 1) * sy));
            for (int x = 0; x < outW; x++) {
                int x0 = left + (int) Math.floor(x * sx);
                int x1 = Math.max(x0 + 1, left + (int) Math.ceil((x + 1) * sx));
                double sum = 0;
                int n = 0;
                for (int yy = y0; yy < Math.min(y1, top + boxH); yy++) {
                    for (int xx = x0; xx < Math.min(x1, left + boxW); xx++) {
                        sum += src[yy * srcWidth + xx];
                        n++;
                    }
                }
                out[y * outW + x] = n == 0 ? 0f : (float) (sum / n);
            }
        }
        return out;
    }
}
