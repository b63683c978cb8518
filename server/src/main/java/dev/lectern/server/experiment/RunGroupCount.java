package dev.lectern.server.experiment;

import java.util.Optional;

/**
 * One group of the runs table grouped by a hyperparameter.
 *
 * @param value the parameter's value as stored ({@code run_params.text_value}), empty for the runs without it
 * @param runs how many runs the filters match in the group
 * @param best the best value in the group of the metric the table sorts by, empty when it sorts by no metric or no
 *     run of the group has it
 */
public record RunGroupCount(Optional<String> value, long runs, Optional<Double> best) {}
