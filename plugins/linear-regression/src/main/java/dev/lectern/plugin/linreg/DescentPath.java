package dev.lectern.plugin.linreg;

import java.util.Arrays;

/** The (W, b) points gradient descent visits, sampled evenly over the run for the cost-surface picture. */
final class DescentPath {

    private final long every;
    private double[] w;
    private double[] b;
    private int size;

    DescentPath(long totalSteps, int points) {
        this.every = Math.max(1, totalSteps / points);
        this.w = new double[points + 2];
        this.b = new double[points + 2];
    }

    boolean wants(long step) {
        return step % every == 0;
    }

    void add(double wValue, double bValue) {
        if (size == w.length) {
            w = Arrays.copyOf(w, size * 2);
            b = Arrays.copyOf(b, size * 2);
        }
        w[size] = wValue;
        b[size] = bValue;
        size++;
    }

    double[] w() {
        return Arrays.copyOf(w, size);
    }

    double[] b() {
        return Arrays.copyOf(b, size);
    }
}
