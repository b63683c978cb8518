package dev.lectern.plugin.cnn;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/** Pictures drawn like the browser's canvas draws them: white strokes, 1/12 of the side wide, on a black square. */
final class Drawings {

    static final int SIDE = 280;

    private Drawings() {}

    /** A "1": one vertical stroke, off centre and short, as people draw on a big canvas. */
    static BufferedImage one() {
        return draw(g -> g.drawLine(90, 60, 100, 200));
    }

    /** A "0": an ellipse in the lower right. */
    static BufferedImage zero() {
        return draw(g -> g.drawOval(120, 90, 100, 150));
    }

    /** A "7": a bar and a slanted stroke. */
    static BufferedImage seven() {
        return draw(g -> {
            g.drawLine(70, 60, 210, 60);
            g.drawLine(210, 60, 120, 230);
        });
    }

    static BufferedImage draw(Consumer<Graphics2D> strokes) {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, SIDE, SIDE);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(SIDE / 12f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        strokes.accept(g);
        g.dispose();
        return image;
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String dataUrl(BufferedImage image) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(image));
    }
}
