package dev.lectern.server.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.lectern.server.experiment.RunFacts;
import dev.lectern.server.metrics.MetricSummary;
import java.util.List;
import java.util.Map;

/**
 * Runs side by side: the answer of {@code GET /api/compare} and the model of the compare page.
 *
 * @param experiments the runs, in the order asked for
 * @param differingParams the hyperparameters whose values differ between them
 * @param sharedMetrics the metrics every run reported
 */
public record Comparison(List<Run> experiments, List<String> differingParams, List<String> sharedMetrics) {

    /**
     * One compared run.
     *
     * @param facts what every run answer starts with
     * @param params its hyperparameters
     * @param label its curve's label: the one differing value, when only one differs, else its number and name
     * @param metrics each metric's last and best value
     * @param series each shared metric's downsampled curve ([step, value] points); absent on the page
     */
    public record Run(
            @JsonUnwrapped RunFacts facts,
            Map<String, Object> params,
            String label,
            List<MetricSummary> metrics,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, List<double[]>> series) {}
}
