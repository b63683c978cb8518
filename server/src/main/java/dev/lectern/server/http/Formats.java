package dev.lectern.server.http;

import dev.lectern.server.metrics.MetricSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** How numbers, times and durations are shown on pages. */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Formats() {}

    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String s = String.format(Locale.ROOT, "%.6g", value);
        if (s.contains("e")) {
            return s;
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    public static String number(Object value) {
        return value instanceof Number n ? number(n.doubleValue()) : String.valueOf(value);
    }

    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public static String duration(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = d.toSeconds();
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + (seconds % 3600) / 60 + " min";
    }

    /**
     * Says where a metric's best value fell: {@code "epoch 3"} for a per-epoch metric, {@code "step 4210 · epoch 3"}
     * for a per-step metric of a run whose steps per epoch are known, else {@code "step 4210"}.
     *
     * @param metric the metric's summary
     * @param stepsPerEpoch the run's steps per epoch, when declared
     * @return the place, empty when the metric has no best value
     */
    public static String bestAt(MetricSummary metric, Optional<Long> stepsPerEpoch) {
        Long step = metric.bestStep();
        if (step == null) {
            return "";
        }
        if (metric.perEpoch()) {
            return "epoch " + step;
        }
        OptionalLong epoch = metric.bestEpoch(stepsPerEpoch);
        return epoch.isPresent() ? "step " + step + " · epoch " + epoch.getAsLong() : "step " + step;
    }
}
