package dev.lectern.plugin.charrnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * Runs a network one character at a time, without gradients: the probabilities of the next character after every
 * position of a text, and sampling with a temperature. Softmax and the draw happen on the host in double precision
 * from the scores, so the same weights, prompt and seed give the same text before and after a save.
 */
final class Sampler {

    private Sampler() {}

    /**
     * A generated continuation.
     *
     * @param generated the drawn characters' indices
     * @param meanLogProbability mean natural log of the probability each drawn character had (at temperature 1)
     * @param firstDistribution the model's distribution (temperature 1) of the first character after the prompt
     */
    record Sample(int[] generated, double meanLogProbability, double[] firstDistribution) {}

    /**
     * Probabilities of the next character after every position of a text, starting from a zero state.
     *
     * @param net the network
     * @param input the characters read, at least one
     * @return {@code [input.length][V]} probabilities
     */
    static double[][] nextCharProbabilities(RecurrentNet net, int[] input) {
        try (NDManager manager = net.manager().newSubManager()) {
            NDList state = net.zeroState(manager, 1);
            float[] scores = net.forward(oneHot(manager, input, net.vocab()), state, false)
                    .scores()
                    .toFloatArray();
            double[][] out = new double[input.length][];
            for (int t = 0; t < input.length; t++) {
                out[t] = softmax(scores, t * net.vocab(), net.vocab(), 1.0);
            }
            return out;
        }
    }

    /**
     * Reads a prompt and draws characters after it.
     *
     * @param net the network
     * @param prompt the characters to read first, at least one
     * @param length how many characters to draw
     * @param temperature divides the scores before the softmax: below 1 sharpens, above 1 flattens
     * @param random the generator of the draws
     * @return the drawn characters
     */
    static Sample generate(RecurrentNet net, int[] prompt, int length, double temperature, Random random) {
        int v = net.vocab();
        int[] out = new int[length];
        double logProbability = 0;
        double[] first = null;
        try (NDManager manager = net.manager().newSubManager()) {
            NDList state = net.zeroState(manager, 1);
            float[] scores = null;
            int[] next = prompt;
            for (int i = 0; i <= length; i++) {
                try (NDScope scope = new NDScope()) {
                    RecurrentNet.Output o = net.forward(oneHot(manager, next, v), state, false);
                    NDArray last = o.scores().get(o.scores().getShape().get(0) - 1);
                    scores = last.toFloatArray();
                    NDScope.unregister(o.state());
                    state.close();
                    state = o.state();
                }
                if (i == length) {
                    break;
                }
                double[] p = softmax(scores, 0, v, temperature);
                double[] plain = temperature == 1.0 ? p : softmax(scores, 0, v, 1.0);
                if (first == null) {
                    first = plain;
                }
                int c = draw(p, random);
                out[i] = c;
                logProbability += Math.log(Math.max(plain[c], Double.MIN_NORMAL));
                next = new int[] {c};
            }
        }
        return new Sample(out, length == 0 ? 0 : logProbability / length, first == null ? new double[v] : first);
    }

    static NDArray oneHot(NDManager manager, int[] chars, int vocab) {
        float[] x = new float[chars.length * vocab];
        for (int t = 0; t < chars.length; t++) {
            x[t * vocab + chars[t]] = 1f;
        }
        return manager.create(x, new Shape(chars.length, 1, vocab));
    }

    static double[] softmax(float[] scores, int offset, int n, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, scores[offset + i] / temperature);
        }
        double[] p = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            p[i] = Math.exp(scores[offset + i] / temperature - max);
            sum += p[i];
        }
        for (int i = 0; i < n; i++) {
            p[i] /= sum;
        }
        return p;
    }

    static int draw(double[] p, Random random) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < p.length; i++) {
            cumulative += p[i];
            if (u < cumulative) {
                return i;
            }
        }
        return p.length - 1;
    }

    static int argMax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }
}
