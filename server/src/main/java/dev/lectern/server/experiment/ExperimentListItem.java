package dev.lectern.server.experiment;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.lectern.server.metrics.MetricSummary;
import java.util.List;

/**
 * A row of {@code GET /api/experiments}: the run and each metric's last and best value.
 *
 * @param run the run
 * @param metrics its metric summaries
 */
public record ExperimentListItem(@JsonUnwrapped ExperimentView run, List<MetricSummary> metrics) {}
