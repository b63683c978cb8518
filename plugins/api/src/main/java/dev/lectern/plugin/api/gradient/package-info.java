/**
 * The gradient check (since API 1.4): backpropagation compared with central finite differences in float64, on a
 * small batch of a run's data and on sampled entries of the trained model's parameters.
 *
 * <p>A plugin opts in with {@link dev.lectern.plugin.api.LecturePlugin#checksGradients()} and lets its models answer
 * {@link dev.lectern.plugin.api.TrainedModel#gradientProblem}: float64 copies of the parameters
 * ({@link dev.lectern.plugin.api.gradient.GradientParameter}) and the loss as a function of them
 * ({@link dev.lectern.plugin.api.gradient.GradientProblem}). {@link dev.lectern.plugin.api.gradient.GradientCheck}
 * does the rest, the same way for every plugin, in the workbench and in the testkit.
 */
package dev.lectern.plugin.api.gradient;
