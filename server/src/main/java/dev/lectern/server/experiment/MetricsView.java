package dev.lectern.server.experiment;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answer of {@code GET /api/experiments/{id}/metrics}.
 *
 * @param series each metric's downsampled [step, value] points (a per-epoch metric's x is its epoch)
 * @param perEpoch the names of the metrics measured once per epoch
 * @param stepsPerEpoch the optimizer steps of one epoch, when the plugin declared it, or null
 * @param chartOrder the charts the run's plugin names, first shown first; the page places the others after them,
 *     {@code loss} first, then by name (see {@code ChartOrder})
 */
public record MetricsView(
        Map<String, List<double[]>> series, Set<String> perEpoch, Long stepsPerEpoch, List<String> chartOrder) {}
