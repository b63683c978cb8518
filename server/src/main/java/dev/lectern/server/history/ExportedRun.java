package dev.lectern.server.history;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.lectern.server.experiment.RunFacts;
import dev.lectern.server.metrics.MetricSummary;
import java.util.List;
import java.util.Map;

/**
 * One run of the JSON export before its points.
 *
 * @param facts what every run answer starts with
 * @param params its hyperparameters
 * @param summary its final numbers
 * @param metricSummaries each metric's last and best value
 */
record ExportedRun(
        @JsonUnwrapped RunFacts facts,
        Map<String, Object> params,
        Map<String, Object> summary,
        List<MetricSummary> metricSummaries) {}
