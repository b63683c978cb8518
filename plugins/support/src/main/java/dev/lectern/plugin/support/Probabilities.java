package dev.lectern.plugin.support;

/** Class probabilities on the host, for predictions and views computed from weights copied off the device. */
public final class Probabilities {

    private Probabilities() {}

    /**
     * Turns logits into probabilities; subtracting the largest logit first keeps e^y from overflowing.
     *
     * @param logits the scores
     * @return S(y), summing to 1
     */
    public static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) {
            max = Math.max(max, v);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /**
     * Returns the index of the largest value, the first one on a tie.
     *
     * @param values at least one value
     * @return its index
     */
    public static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
