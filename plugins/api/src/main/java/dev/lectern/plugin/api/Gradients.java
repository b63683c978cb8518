package dev.lectern.plugin.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Gradient recording that is safe when several experiments train at once. DJL's PyTorch engine allows one open
 * {@link GradientCollector} per JVM (a static flag, although PyTorch's grad mode is per thread), so a second
 * experiment would fail with "A PtGradientCollector is already collecting". Collectors from here wait for each other
 * instead: only the forward and backward passes are serialised, optimizer updates and data handling still overlap.
 * Plugins must use this rather than {@code Engine.newGradientCollector()}.
 *
 * <p>Between opening a collector and {@code backward}, do not pass Java numbers to array ops ({@code mul(0.5f)},
 * {@code div}, {@code pow}, {@code maximum}, {@code minimum}): DJL's PyTorch engine wraps the number in a tensor over a
 * buffer it releases at once, and the garbage collector may free it before backward reads it. Keep such constants in
 * arrays that live for the whole run.
 */
public final class Gradients {

    /** Shared by every plugin: this class is loaded once, by the server's class loader. */
    private static final ReentrantLock LOCK = new ReentrantLock(true);

    private Gradients() {}

    /**
     * Opens a gradient collector on the manager's engine, waiting while another experiment's is open.
     *
     * @param manager a manager of the arrays being trained
     * @return a collector to close (try-with-resources) right after {@code backward}
     */
    public static GradientCollector collect(NDManager manager) {
        LOCK.lock();
        try {
            return new Locked(manager.getEngine().newGradientCollector());
        } catch (RuntimeException | Error e) {
            LOCK.unlock();
            throw e;
        }
    }

    private static final class Locked implements GradientCollector {

        private final GradientCollector delegate;
        private boolean closed;

        Locked(GradientCollector delegate) {
            this.delegate = delegate;
        }

        @Override
        public void backward(NDArray target) {
            delegate.backward(target);
        }

        @Override
        public void zeroGradients() {
            delegate.zeroGradients();
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                delegate.close();
            } finally {
                LOCK.unlock();
            }
        }
    }
}
