package dev.lectern.plugin.api.gradient;

import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Objects;

/**
 * One trained parameter as a float64 copy on the host: its name (as the plugin's formulas call it, such as {@code W}
 * or {@code b1}), its shape and its values in row-major order.
 *
 * @param name the parameter's name, unique within one problem
 * @param shape the shape, such as {@code (1, 2)} for a weight row of two features
 * @param values the values, row-major, as many as the shape holds
 */
public record GradientParameter(String name, Shape shape, double[] values) {

    /**
     * Checks that the values fill the shape, and copies them so later changes of the caller's array do not leak.
     *
     * @param name the parameter's name
     * @param shape the shape
     * @param values the values, row-major
     */
    public GradientParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a gradient parameter needs a name");
        }
        if (shape.size() != values.length) {
            throw new IllegalArgumentException(
                    "parameter " + name + " of shape " + shape + " cannot hold " + values.length + " values");
        }
        values = values.clone();
    }

    /**
     * Casts a float32 parameter, as models keep their weights, to its float64 copy.
     *
     * @param name the parameter's name
     * @param values the float32 values, row-major
     * @param shape the shape
     * @return the float64 parameter
     */
    public static GradientParameter of(String name, float[] values, long... shape) {
        double[] copy = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i];
        }
        return new GradientParameter(name, new Shape(shape), copy);
    }

    /**
     * Wraps float64 values.
     *
     * @param name the parameter's name
     * @param values the values, row-major
     * @param shape the shape
     * @return the parameter
     */
    public static GradientParameter of(String name, double[] values, long... shape) {
        return new GradientParameter(name, new Shape(shape), values);
    }

    /**
     * Returns the multi-index of a row-major position, such as {@code [0, 3]} for position 3 of a {@code (1, 5)}
     * array.
     *
     * @param flat the position in {@link #values()}
     * @return one index per dimension
     */
    public int[] index(int flat) {
        long[] dims = shape.getShape();
        int[] index = new int[dims.length];
        long rest = flat;
        for (int d = dims.length - 1; d >= 0; d--) {
            index[d] = (int) (rest % dims[d]);
            rest /= dims[d];
        }
        return index;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GradientParameter p
                && name.equals(p.name)
                && shape.equals(p.shape)
                && Arrays.equals(values, p.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, shape, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return name + shape;
    }
}
