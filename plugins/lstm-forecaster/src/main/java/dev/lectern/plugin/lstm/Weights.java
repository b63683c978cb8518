package dev.lectern.plugin.lstm;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The network's parameters as plain arrays, in PyTorch's layout, so that they can be copied to the engine, saved, and
 * evaluated in Java alike.
 *
 * <p>LSTM layer l: {@code l<l>.wIh [4H, in]}, {@code l<l>.wHh [4H, H]}, {@code l<l>.bIh [4H]}, {@code l<l>.bHh [4H]},
 * gate blocks in PyTorch's order i, f, g, o. FC hidden layer l: {@code l<l>.w [H, in]}, {@code l<l>.b [H]}. Both end in
 * {@code head.w [1, H]} and {@code head.b [1]}.
 *
 * @param names parameter names, in the order the engine's LSTM op expects
 * @param shapes the shape of each parameter
 * @param values the values of each parameter, row-major
 */
record Weights(List<String> names, List<long[]> shapes, List<float[]> values) {

    /**
     * Draws initial weights the way PyTorch does by default: LSTM weights and biases from U(−1/√H, 1/√H), linear
     * layers from U(−1/√fan-in, 1/√fan-in).
     *
     * @param settings model kind, hidden size and layers
     * @param inputSize values per time step (LSTM) or per flattened window (fc)
     * @param seed the run's seed
     * @return the weights
     */
    static Weights initial(ForecastSettings settings, int inputSize, long seed) {
        Random random = new Random(seed);
        List<String> names = new ArrayList<>();
        List<long[]> shapes = new ArrayList<>();
        List<float[]> values = new ArrayList<>();
        int h = settings.hidden();
        double lstmBound = 1 / Math.sqrt(h);
        int in = inputSize;
        for (int l = 0; l < settings.layers(); l++) {
            if (settings.isLstm()) {
                add(names, shapes, values, "l" + l + ".wIh", new long[] {4L * h, in}, lstmBound, random);
                add(names, shapes, values, "l" + l + ".wHh", new long[] {4L * h, h}, lstmBound, random);
                add(names, shapes, values, "l" + l + ".bIh", new long[] {4L * h}, lstmBound, random);
                add(names, shapes, values, "l" + l + ".bHh", new long[] {4L * h}, lstmBound, random);
            } else {
                double bound = 1 / Math.sqrt(in);
                add(names, shapes, values, "l" + l + ".w", new long[] {h, in}, bound, random);
                add(names, shapes, values, "l" + l + ".b", new long[] {h}, bound, random);
            }
            in = h;
        }
        add(names, shapes, values, "head.w", new long[] {1, h}, 1 / Math.sqrt(h), random);
        add(names, shapes, values, "head.b", new long[] {1}, 1 / Math.sqrt(h), random);
        return new Weights(List.copyOf(names), List.copyOf(shapes), List.copyOf(values));
    }

    private static void add(
            List<String> names,
            List<long[]> shapes,
            List<float[]> values,
            String name,
            long[] shape,
            double bound,
            Random random) {
        long size = 1;
        for (long d : shape) {
            size *= d;
        }
        float[] v = new float[(int) size];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        names.add(name);
        shapes.add(shape);
        values.add(v);
    }

    float[] get(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return values.get(i);
    }

    int count() {
        return names.size();
    }
}
