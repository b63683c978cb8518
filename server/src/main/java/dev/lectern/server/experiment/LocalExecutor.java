package dev.lectern.server.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs experiments on a fixed number of local worker threads, taking them from a bounded waiting line in turns
 * across owners (one run per person per round).
 */
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

    private final RoundRobinQueue<Long> line;
    private final List<Thread> threads = new ArrayList<>();
    private final Worker worker;
    private final Map<Long, AtomicBoolean> flags = new ConcurrentHashMap<>();

    /**
     * Creates the executor and starts its worker threads.
     *
     * @param concurrency how many experiments run at once
     * @param capacity how many may wait
     * @param worker what runs each one
     */
    public LocalExecutor(int concurrency, int capacity, Worker worker) {
        this.line = new RoundRobinQueue<>(capacity);
        this.worker = worker;
        for (int i = 1; i <= concurrency; i++) {
            Thread t = new Thread(this::work, "lectern-worker-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    @Override
    public boolean submit(long experimentId, String owner) {
        // The flag exists from now on, so a cancel before a worker takes the run is not lost.
        flags.computeIfAbsent(experimentId, k -> new AtomicBoolean());
        if (!line.offer(owner, experimentId)) {
            flags.remove(experimentId);
            return false;
        }
        return true;
    }

    private void work() {
        while (true) {
            Long id;
            try {
                id = line.take();
            } catch (InterruptedException e) {
                return;
            }
            if (id == null) {
                return;
            }
            AtomicBoolean cancelled = flags.computeIfAbsent(id, k -> new AtomicBoolean());
            try {
                worker.run(id, cancelled);
            } catch (RuntimeException e) {
                // The worker records its own failures; a thread that dies here would shrink the pool for good.
            } finally {
                flags.remove(id);
            }
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
        line.close();
        threads.forEach(Thread::interrupt);
        try {
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
