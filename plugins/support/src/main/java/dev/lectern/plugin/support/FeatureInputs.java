package dev.lectern.plugin.support;

import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.ParamValues;
import java.util.ArrayList;
import java.util.List;

/** The predict form of a model over table features: one number per feature, named x1, x2, ... in column order. */
public final class FeatureInputs {

    private FeatureInputs() {}

    /**
     * Declares one number input per feature.
     *
     * @param featureNames the features' column names, which label the fields
     * @return the inputs x1..xn
     */
    public static List<ParamSpec> declare(List<String> featureNames) {
        List<ParamSpec> inputs = new ArrayList<>();
        for (int i = 0; i < featureNames.size(); i++) {
            inputs.add(ParamSpec.ofDouble(
                    name(i), featureNames.get(i), 0, -1e12, 1e12, "Value of " + featureNames.get(i)));
        }
        return inputs;
    }

    /**
     * Reads the checked inputs.
     *
     * @param input values checked against {@link #declare}
     * @param count how many features
     * @return x1..xn
     */
    public static double[] read(ParamValues input, int count) {
        double[] x = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = input.getDouble(name(i));
        }
        return x;
    }

    /**
     * Reads the checked inputs as floats, as the networks take them.
     *
     * @param input values checked against {@link #declare}
     * @param count how many features
     * @return x1..xn
     */
    public static float[] readFloats(ParamValues input, int count) {
        float[] x = new float[count];
        for (int i = 0; i < count; i++) {
            x[i] = (float) input.getDouble(name(i));
        }
        return x;
    }

    private static String name(int i) {
        return "x" + (i + 1);
    }
}
