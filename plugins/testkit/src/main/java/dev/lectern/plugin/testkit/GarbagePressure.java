package dev.lectern.plugin.testkit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A background thread that collects garbage all the time and refills freed native memory with NaN, so a training
 * step that reads a tensor whose Java buffer was already collected reads NaN instead of a stale, still-correct value.
 *
 * <p>Why: DJL 0.34's PyTorch engine makes {@code array.mul(0.5f)} (also {@code div}, {@code pow}, {@code maximum},
 * {@code minimum} with a number) by wrapping the number in a tensor over a direct {@link ByteBuffer} and closing it at
 * once. Autograd keeps that tensor for the backward pass, but nothing keeps the buffer: after a collection the
 * backward pass reads freed memory. In the server that showed up as a run failing with "loss became NaN" only when
 * another experiment ran beside it (more garbage, more collections). Quiet unit tests never see it; this does.
 */
public final class GarbagePressure implements AutoCloseable {

    /** Small sizes, as the freed scalars are small: malloc hands their chunks to these buffers first. */
    private static final int[] SIZES = {4, 8, 16, 32, 64};

    private static final int KEPT = 256;

    private final Thread thread;
    private volatile boolean running = true;

    private GarbagePressure() {
        thread = new Thread(this::churn, "garbage-pressure");
        thread.setDaemon(true);
    }

    /**
     * Starts the pressure.
     *
     * @return the running pressure; close it to stop
     */
    public static GarbagePressure start() {
        GarbagePressure pressure = new GarbagePressure();
        pressure.thread.start();
        return pressure;
    }

    private void churn() {
        List<ByteBuffer> kept = new ArrayList<>();
        int i = 0;
        while (running) {
            System.gc();
            // Fill what the collection just freed, and let go of older fillers so they too are reused.
            for (int k = 0; k < 64; k++, i++) {
                ByteBuffer filler =
                        ByteBuffer.allocateDirect(SIZES[i % SIZES.length]).order(ByteOrder.nativeOrder());
                while (filler.remaining() >= Float.BYTES) {
                    filler.putFloat(Float.NaN);
                }
                kept.add(filler);
            }
            if (kept.size() > KEPT) {
                kept.subList(0, kept.size() - KEPT).clear();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
