package dev.lectern.datasets.gen;

import dev.lectern.plugin.api.Table;
import java.util.Random;

/**
 * Two concentric noisy circles: class 0 on the outer circle of radius 1, class 1 on an inner circle.
 *
 * <p>Both classes are centred on the origin, so no straight line separates them: the best one classifies about 70 %
 * of {@code circles} correctly, by cutting a slice off the outer circle. A hidden layer, or the extra feature
 * {@code x1² + x2²}, separates them. Rows are
 * interleaved (even rows outer, odd rows inner); each point is drawn at a uniform angle, then moved by Gaussian
 * noise along both axes.
 */
public final class Circles {

    /** The rows of {@code circles}. */
    public static final int ROWS = 300;
    /** The inner circle's radius as a fraction of the outer one's (1). */
    public static final double FACTOR = 0.5;
    /** The standard deviation of the noise added to each coordinate. */
    public static final double NOISE_SD = 0.08;
    /** The seed of {@code circles}. */
    public static final long SEED = 13L;

    private Circles() {}

    /**
     * Returns the {@code circles} table: 300 rows, 150 per circle.
     *
     * @return a new table with columns {@code x1}, {@code x2} and {@code class}
     */
    public static Table standard() {
        return generate(ROWS, FACTOR, NOISE_SD, SEED);
    }

    /**
     * Draws {@code n} points, alternating between the outer circle (class 0) and the inner one (class 1).
     *
     * @param n the number of rows, at least 2
     * @param factor the inner radius, between 0 and 1 exclusive
     * @param noiseSd the noise's standard deviation, finite and not negative
     * @param seed the random seed
     * @return a table with feature columns {@code x1}, {@code x2} and the label {@code class}
     */
    public static Table generate(int n, double factor, double noiseSd, long seed) {
        if (n < 2 || (long) n * 3 > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("need at least two rows, got " + n);
        }
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("the inner radius must be between 0 and 1, got " + factor);
        }
        if (!(noiseSd >= 0) || !Double.isFinite(noiseSd)) {
            throw new IllegalArgumentException("the noise must be finite and at least 0, got " + noiseSd);
        }
        Random random = new Random(seed);
        float[] values = new float[n * 3];
        for (int row = 0; row < n; row++) {
            int c = row % 2;
            double radius = c == 0 ? 1.0 : factor;
            double angle = 2 * Math.PI * random.nextDouble();
            values[3 * row] = (float) (radius * Math.cos(angle) + noiseSd * random.nextGaussian());
            values[3 * row + 1] = (float) (radius * Math.sin(angle) + noiseSd * random.nextGaussian());
            values[3 * row + 2] = c;
        }
        return new Table(Blobs.columns("class"), n, values);
    }
}
