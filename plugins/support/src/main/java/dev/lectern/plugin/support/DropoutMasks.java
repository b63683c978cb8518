package dev.lectern.plugin.support;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * Inverted dropout with masks drawn from one run's own generator. The engine's dropout op draws from its
 * process-wide generator, which every experiment training in the same JVM shares: two runs with the same seed then get
 * masks that depend on which of them drew first. A mask here is drawn on the host (32 random bits per unit, two units
 * per {@code nextLong}) and uploaded once per call as 0 or 1 / (1 − rate), the values PyTorch's dropout multiplies by;
 * applying it is one multiplication on the device.
 *
 * <p>Not thread-safe: one instance per run.
 */
public final class DropoutMasks {

    private static final double TWO_TO_32 = 4294967296.0;

    private final SplittableRandom random;
    private final float rate;
    private final float kept;
    /** A unit is kept when its 32 random bits, read unsigned, are at least this: probability 1 − rate. */
    private final long threshold;

    private float[] values = new float[0];

    /**
     * Creates the masks of one run.
     *
     * @param seed the run's seed for dropout (distinct from the seeds of its other random streams)
     * @param rate the probability that a unit is dropped, in [0, 1)
     */
    public DropoutMasks(long seed, double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
        }
        this.random = new SplittableRandom(seed);
        this.rate = (float) rate;
        this.kept = 1f / (1f - this.rate);
        this.threshold = Math.round(rate * TWO_TO_32);
    }

    /**
     * Returns the drop probability.
     *
     * @return the rate
     */
    public float rate() {
        return rate;
    }

    /**
     * Drops units of {@code x} with a fresh mask and scales the kept ones by 1 / (1 − rate). The mask array belongs
     * to {@code x}'s manager (the step's scope, where there is one) and must live until backward has run, which it does
     * when nothing closes it earlier.
     *
     * @param x the activations
     * @return x times the mask
     */
    public NDArray apply(NDArray x) {
        if (rate == 0) {
            return x;
        }
        return x.mul(next(x.getManager(), x.getShape()));
    }

    /**
     * Draws a mask of 0 and 1 / (1 − rate) values of the given shape onto the manager's device.
     *
     * @param manager where the mask lives
     * @param shape its shape
     * @return the mask, float32
     */
    public NDArray next(NDManager manager, Shape shape) {
        int n = Math.toIntExact(shape.size());
        if (values.length < n) {
            values = new float[n];
        }
        fill(values, n);
        // A direct buffer of our own: the array keeps it for as long as it lives, and no second copy is made.
        ByteBuffer buffer = ByteBuffer.allocateDirect(n * Float.BYTES).order(ByteOrder.nativeOrder());
        buffer.asFloatBuffer().put(values, 0, n);
        return manager.create(buffer, shape, DataType.FLOAT32);
    }

    /**
     * Writes the next {@code n} mask values into {@code out}, consuming the generator as {@link #next} does.
     *
     * @param out the destination, at least n long
     * @param n how many values
     */
    public void fill(float[] out, int n) {
        long t = threshold;
        float k = kept;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            long r = random.nextLong();
            out[i] = (r & 0xFFFFFFFFL) >= t ? k : 0f;
            out[i + 1] = (r >>> 32) >= t ? k : 0f;
        }
        if (i < n) {
            out[i] = (random.nextLong() & 0xFFFFFFFFL) >= t ? k : 0f;
        }
    }
}
