package dev.lectern.plugin.api.gradient;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One checked entry of one parameter: the gradient by backpropagation beside the one by central differences.
 *
 * @param parameter the parameter's name, such as {@code W1}
 * @param index the entry's index, one number per dimension
 * @param analytic ∂loss/∂entry by backpropagation (or the plugin's own gradient)
 * @param numeric (loss(θ + h) − loss(θ − h)) / 2h
 * @param relativeError {@code |analytic − numeric| / max(|analytic|, |numeric|, scale)}, where scale is the
 *     parameter's largest analytic |gradient| (see {@link GradientCheck#relativeError})
 * @param passed whether the relative error is below the check's tolerance
 */
public record GradientCheckRow(
        String parameter, int[] index, double analytic, double numeric, double relativeError, boolean passed) {

    /**
     * Copies the index.
     *
     * @param parameter the parameter's name
     * @param index the entry's index, one number per dimension
     * @param analytic the gradient by backpropagation
     * @param numeric the gradient by central differences
     * @param relativeError the relative error of the two
     * @param passed whether it is below the tolerance
     */
    public GradientCheckRow {
        Objects.requireNonNull(parameter, "parameter");
        index = index.clone();
    }

    /**
     * Returns the entry as people read it, such as {@code W1[0, 3]}.
     *
     * @return the parameter's name with the index
     */
    public String label() {
        return parameter + Arrays.stream(index).mapToObj(Integer::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GradientCheckRow r
                && parameter.equals(r.parameter)
                && Arrays.equals(index, r.index)
                && Double.compare(analytic, r.analytic) == 0
                && Double.compare(numeric, r.numeric) == 0
                && Double.compare(relativeError, r.relativeError) == 0
                && passed == r.passed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameter, Arrays.hashCode(index), analytic, numeric, relativeError, passed);
    }

    @Override
    public String toString() {
        return label() + ": analytic " + analytic + ", numeric " + numeric + ", relative error " + relativeError;
    }
}
