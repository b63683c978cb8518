package dev.lectern.server.metrics;

import dev.lectern.plugin.api.MetricsSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers one run's metric points and progress and flushes them a few times a second: one batch insert and one
 * live event per flush, so a training loop that reports every step never waits on the database.
 */
public final class BatchingMetricsSink implements MetricsSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchingMetricsSink.class);
    private static final long FLUSH_MILLIS = 250;
    /** Beyond this many buffered points the reporting thread flushes itself, bounding memory. */
    private static final int MAX_BUFFERED = 50_000;

    private static final int MAX_BUFFERED_TEXTS = 1_000;
    /** Points kept while the database is unreachable, beyond which the oldest go. */
    private static final int MAX_RETAINED = 4 * MAX_BUFFERED;

    private final long experimentId;
    private final MetricsRepository repository;
    private final LiveHub hub;
    private final BiConsumer<Long, Long> progressWriter;
    private final LongConsumer stepsPerEpochWriter;
    private final ScheduledFuture<?> schedule;
    /** Guards the I/O of a flush, so the training thread only ever waits for the buffer swap, never for a client. */
    private final Object flushLock = new Object();

    private List<MetricPoint> buffer = new ArrayList<>();
    /** After a failed flush, a full buffer waits this long before the training thread tries again. */
    private long retryAt = Long.MIN_VALUE;

    private List<MetricText> texts = new ArrayList<>();
    /** An abandoned plugin may keep reporting after its run ended; those points are dropped, not buffered forever. */
    private volatile boolean closed;

    private volatile long progressDone;
    private volatile long progressTotal;
    private long writtenDone = -1;
    private long writtenTotal = -1;

    /**
     * Creates a sink and starts its periodic flush.
     *
     * @param experimentId the experiment
     * @param repository where points are stored
     * @param hub where live events go
     * @param progressWriter stores (done, total)
     * @param stepsPerEpochWriter stores the steps per epoch the plugin declares
     * @param scheduler runs the periodic flush
     */
    public BatchingMetricsSink(
            long experimentId,
            MetricsRepository repository,
            LiveHub hub,
            BiConsumer<Long, Long> progressWriter,
            LongConsumer stepsPerEpochWriter,
            ScheduledExecutorService scheduler) {
        this.experimentId = experimentId;
        this.repository = repository;
        this.hub = hub;
        this.progressWriter = progressWriter;
        this.stepsPerEpochWriter = stepsPerEpochWriter;
        this.schedule =
                scheduler.scheduleWithFixedDelay(this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void report(String name, long step, double value) {
        add(new MetricPoint(name, step, value, false));
    }

    @Override
    public void reportEpoch(String name, long epoch, double value) {
        add(new MetricPoint(name, epoch, value, true));
    }

    /** Written at once: it is declared once per run, and charts need it before the first points arrive. */
    @Override
    public void stepsPerEpoch(long steps) {
        MetricsSink.super.stepsPerEpoch(steps);
        if (!closed) {
            stepsPerEpochWriter.accept(steps);
            hub.publish(experimentId, "axis", Map.of("stepsPerEpoch", steps));
        }
    }

    private void add(MetricPoint point) {
        if (closed) {
            return;
        }
        boolean full;
        synchronized (this) {
            buffer.add(point);
            full = buffer.size() >= MAX_BUFFERED && System.nanoTime() >= retryAt;
        }
        if (full) {
            flushQuietly();
        }
    }

    @Override
    public void text(String name, long step, String text) {
        if (closed || name == null || text == null) {
            return;
        }
        String kept = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        String shortName = name.length() > 100 ? name.substring(0, 100) : name;
        boolean full;
        synchronized (this) {
            texts.add(new MetricText(shortName, step, kept));
            full = texts.size() >= MAX_BUFFERED_TEXTS;
        }
        if (full) {
            flush();
        }
    }

    /**
     * Records progress; written with the next flush.
     *
     * @param done units done
     * @param total units in all
     */
    public void progress(long done, long total) {
        progressDone = done;
        progressTotal = total;
    }

    /** Writes buffered points and changed progress, then publishes them. */
    public void flush() {
        synchronized (flushLock) {
            List<MetricPoint> points = takeBuffer();
            if (!points.isEmpty()) {
                try {
                    repository.insert(experimentId, points);
                } catch (MetricsRepository.NotStoredException e) {
                    // The database is away for a moment (a restart): keep the points for the next flush.
                    putBack(points, List.of());
                    synchronized (this) {
                        retryAt = System.nanoTime() + 1_000_000_000L;
                    }
                    throw e;
                }
                hub.publish(experimentId, "metrics", Map.of("points", points));
            }
            List<MetricText> lines = takeTexts();
            if (!lines.isEmpty()) {
                try {
                    repository.insertTexts(experimentId, lines);
                } catch (MetricsRepository.NotStoredException e) {
                    putBack(List.of(), lines);
                    throw e;
                }
                hub.publish(experimentId, "texts", Map.of("texts", lines));
            }
            long done = progressDone;
            long total = progressTotal;
            if (done != writtenDone || total != writtenTotal) {
                progressWriter.accept(done, total);
                writtenDone = done;
                writtenTotal = total;
                hub.publish(experimentId, "progress", Map.of("done", done, "total", total));
            }
        }
    }

    /** Puts points and texts that could not be written back before newer ones, keeping at most a bounded number. */
    private synchronized void putBack(List<MetricPoint> points, List<MetricText> lines) {
        List<MetricPoint> kept = new ArrayList<>(points);
        kept.addAll(buffer);
        if (kept.size() > MAX_RETAINED) {
            LOG.warn(
                    "experiment {}: the database is unreachable; {} metric point(s) dropped, the newest {} kept",
                    experimentId,
                    kept.size() - MAX_RETAINED,
                    MAX_RETAINED);
            kept = new ArrayList<>(kept.subList(kept.size() - MAX_RETAINED, kept.size()));
        }
        buffer = kept;
        List<MetricText> keptTexts = new ArrayList<>(lines);
        keptTexts.addAll(texts);
        if (keptTexts.size() > MAX_BUFFERED_TEXTS * 4) {
            keptTexts = new ArrayList<>(keptTexts.subList(keptTexts.size() - MAX_BUFFERED_TEXTS * 4, keptTexts.size()));
        }
        texts = keptTexts;
    }

    private synchronized List<MetricPoint> takeBuffer() {
        List<MetricPoint> points = buffer;
        buffer = new ArrayList<>();
        return points;
    }

    private synchronized List<MetricText> takeTexts() {
        List<MetricText> lines = texts;
        texts = new ArrayList<>();
        return lines;
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("could not flush metrics of experiment {}: {}", experimentId, e.getMessage());
        }
    }

    /** Stops the periodic flush and writes what is left. */
    @Override
    public void close() {
        closed = true;
        schedule.cancel(false);
        flush();
    }
}
