package dev.lectern.plugin.api.gradient;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Compares a model's analytic gradient with central finite differences, in float64, on sampled entries of every
 * parameter. The same machinery serves the workbench's "Check gradients" action and the testkit's contract check;
 * a plugin supplies only its {@link GradientProblem}.
 *
 * <p>For each parameter the check takes the entry with the largest analytic |gradient| and further entries drawn
 * at random (all entries of a small parameter), and for each computes
 * {@code numeric = (loss(θ + h) − loss(θ − h)) / 2h} with {@code h = ∛ε · max(1, |θ|)}, ε the float64 machine
 * epsilon: the step that balances the truncation error (∝ h²) against the rounding error (∝ ε/h). An entry passes
 * when its {@link #relativeError} is below {@link #TOLERANCE}.
 */
public final class GradientCheck {

    /** The largest relative error that passes: float64 central differences agree with a correct gradient far better. */
    public static final double TOLERANCE = 1e-6;

    /** ∛ε of float64, about 6.06e-6. */
    public static final double STEP = Math.cbrt(Math.ulp(1.0));

    /**
     * How much a check looks at.
     *
     * @param batchRows how many examples of the run's data the loss is computed on
     * @param entriesPerParameter how many entries of each parameter are checked (all, when it has fewer)
     * @param seed fixes which examples and which entries are drawn
     */
    public record Options(int batchRows, int entriesPerParameter, long seed) {

        /** Sixteen examples, six entries per parameter, seed 42: a check of a few dozen losses, well under a second. */
        public static final Options DEFAULT = new Options(16, 6, 42);

        /**
         * Checks the sizes.
         *
         * @param batchRows how many examples of the run's data the loss is computed on
         * @param entriesPerParameter how many entries of each parameter are checked
         * @param seed fixes which examples and which entries are drawn
         */
        public Options {
            if (batchRows < 1 || entriesPerParameter < 1) {
                throw new IllegalArgumentException("a gradient check needs at least one example and one entry");
            }
        }
    }

    private GradientCheck() {}

    /**
     * Returns the finite-difference step for a parameter value.
     *
     * @param value the entry's value
     * @return {@code h = ∛ε · max(1, |value|)}
     */
    public static double step(double value) {
        return STEP * Math.max(1, Math.abs(value));
    }

    /**
     * Returns {@code |a − n| / max(|a|, |n|, scale)}: the error relative to the larger of the two gradients, or to the
     * parameter's scale (its largest analytic |gradient|) when both are smaller. Without the scale an entry whose true
     * gradient is nearly zero would be measured against the rounding noise of the finite difference and fail a
     * correct gradient.
     *
     * @param analytic the gradient by backpropagation
     * @param numeric the gradient by central differences
     * @param scale the parameter's largest analytic |gradient|
     * @return the relative error; 0 when both are equal, NaN when either is not a number
     */
    public static double relativeError(double analytic, double numeric, double scale) {
        if (Double.isNaN(analytic) || Double.isNaN(numeric)) {
            return Double.NaN;
        }
        double difference = Math.abs(analytic - numeric);
        if (difference == 0) {
            return 0;
        }
        double denominator = Math.max(Math.max(Math.abs(analytic), Math.abs(numeric)), Math.abs(scale));
        return difference / Math.max(denominator, Double.MIN_NORMAL);
    }

    /**
     * Runs the check on the CPU.
     *
     * @param problem the model's parameters and loss
     * @param options how many examples and entries
     * @return the checked entries and whether they all passed
     * @throws IllegalArgumentException when the problem has no parameters, repeats a name, or its gradient misses a
     *     parameter or has another shape
     */
    public static GradientCheckReport run(GradientProblem problem, Options options) {
        List<GradientParameter> parameters = problem.parameters();
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("the gradient problem has no parameters");
        }
        Set<String> names = new HashSet<>();
        for (GradientParameter p : parameters) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("parameter name " + p.name() + " appears twice");
            }
        }
        Random random = new Random(options.seed());
        List<GradientCheckRow> rows = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            double loss = lossAt(problem, manager, parameters, null, -1, 0);
            Map<String, double[]> analytic = analytic(problem, manager, parameters);
            for (GradientParameter p : parameters) {
                double[] gradient = analytic.get(p.name());
                double scale = 0;
                for (double g : gradient) {
                    scale = Math.max(scale, Math.abs(g));
                }
                for (int entry : entries(gradient, options.entriesPerParameter(), random)) {
                    double value = p.values()[entry];
                    double h = step(value);
                    double up = value + h;
                    double down = value - h;
                    double plus = lossAt(problem, manager, parameters, p, entry, up);
                    double minus = lossAt(problem, manager, parameters, p, entry, down);
                    // Divided by the step as represented in float64, not the intended 2h.
                    double numeric = (plus - minus) / (up - down);
                    double error = relativeError(gradient[entry], numeric, scale);
                    rows.add(new GradientCheckRow(
                            p.name(), p.index(entry), gradient[entry], numeric, error, error < TOLERANCE));
                }
            }
            return new GradientCheckReport(rows, loss, problem.examples(), TOLERANCE);
        }
    }

    private static Map<String, double[]> analytic(
            GradientProblem problem, NDManager manager, List<GradientParameter> parameters) {
        try (NDManager scope = manager.newSubManager()) {
            Map<String, NDArray> gradients = problem.gradient(scope, arrays(scope, parameters, null, -1, 0));
            Map<String, double[]> out = new LinkedHashMap<>();
            for (GradientParameter p : parameters) {
                NDArray g = gradients.get(p.name());
                if (g == null) {
                    throw new IllegalArgumentException("the gradient lacks parameter " + p.name());
                }
                if (!g.getShape().equals(p.shape())) {
                    throw new IllegalArgumentException("the gradient of " + p.name() + " has shape " + g.getShape()
                            + ", the parameter " + p.shape());
                }
                out.put(p.name(), g.toType(DataType.FLOAT64, false).toDoubleArray());
            }
            return out;
        }
    }

    /** The loss with one entry set to {@code value} (none when {@code changed} is null), on a scope of its own. */
    private static double lossAt(
            GradientProblem problem,
            NDManager manager,
            List<GradientParameter> parameters,
            GradientParameter changed,
            int entry,
            double value) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray loss = problem.loss(scope, arrays(scope, parameters, changed, entry, value));
            if (loss.size() != 1) {
                throw new IllegalArgumentException("the loss must be a scalar, got shape " + loss.getShape());
            }
            if (loss.getDataType() != DataType.FLOAT64) {
                throw new IllegalArgumentException("the loss must be computed in float64, got " + loss.getDataType());
            }
            return loss.toDoubleArray()[0];
        }
    }

    private static Map<String, NDArray> arrays(
            NDManager manager, List<GradientParameter> parameters, GradientParameter changed, int entry, double value) {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        for (GradientParameter p : parameters) {
            double[] values = p.values();
            if (p == changed) {
                values = values.clone();
                values[entry] = value;
            }
            arrays.put(p.name(), manager.create(values, p.shape()));
        }
        return arrays;
    }

    /** The entry with the largest |gradient| and others at random, up to {@code count}, in index order. */
    private static int[] entries(double[] gradient, int count, Random random) {
        int n = gradient.length;
        if (n <= count) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int largest = 0;
        for (int i = 1; i < n; i++) {
            if (Math.abs(gradient[i]) > Math.abs(gradient[largest])) {
                largest = i;
            }
        }
        Set<Integer> picked = new HashSet<>();
        picked.add(largest);
        while (picked.size() < count) {
            picked.add(random.nextInt(n));
        }
        return picked.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
