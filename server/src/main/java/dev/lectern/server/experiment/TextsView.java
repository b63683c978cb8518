package dev.lectern.server.experiment;

import dev.lectern.server.metrics.MetricText;
import java.util.List;

/**
 * The answer of {@code GET /api/experiments/{id}/texts}.
 *
 * @param texts the newest lines the run reported, oldest of them first
 */
public record TextsView(List<MetricText> texts) {}
