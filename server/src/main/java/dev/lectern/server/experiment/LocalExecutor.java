package dev.lectern.server.experiment;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs experiments on a fixed number of local worker threads, with a bounded waiting line. */
public final class LocalExecutor implements ExperimentQueue {

    /** Trains one experiment; reads the flag to know whether it was cancelled. */
    @FunctionalInterface
    public interface Worker {
        /**
         * Runs an experiment to its end.
         *
         * @param experimentId the experiment
         * @param cancelled set when the user cancels
         */
        void run(long experimentId, AtomicBoolean cancelled);
    }

    private final ThreadPoolExecutor pool;
    private final Worker worker;
    private final Map<Long, AtomicBoolean> flags = new ConcurrentHashMap<>();

    /**
     * Creates the executor.
     *
     * @param concurrency how many experiments run at once
     * @param capacity how many may wait
     * @param worker what runs each one
     */
    public LocalExecutor(int concurrency, int capacity, Worker worker) {
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(concurrency, concurrency, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(capacity),
                r -> {
                    Thread t = new Thread(r, "lectern-worker-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.worker = worker;
    }

    @Override
    public boolean submit(long experimentId) {
        AtomicBoolean cancelled = flags.computeIfAbsent(experimentId, k -> new AtomicBoolean());
        try {
            pool.execute(() -> {
                try {
                    worker.run(experimentId, cancelled);
                } finally {
                    flags.remove(experimentId);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            flags.remove(experimentId);
            return false;
        }
    }

    @Override
    public void cancel(long experimentId) {
        AtomicBoolean flag = flags.get(experimentId);
        if (flag != null) {
            flag.set(true);
        }
    }

    @Override
    public void close() {
        flags.values().forEach(flag -> flag.set(true));
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
