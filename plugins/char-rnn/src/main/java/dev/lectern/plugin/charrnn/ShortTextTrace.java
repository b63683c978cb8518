package dev.lectern.plugin.charrnn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a short text such as "hello" looks like to the network after every epoch: for every input position the
 * probability of each character coming next, and the string of the most likely ones. This is the lecture's picture
 * of the RNN going from noise to "ello".
 */
final class ShortTextTrace {

    /** Texts up to this many characters are traced every epoch instead of sampled. */
    static final int MAX_LENGTH = 32;

    /**
     * The network's answer after one epoch.
     *
     * @param epoch the epoch
     * @param loss the epoch's mean training loss
     * @param probabilities {@code [positions][V]}: P(next character) after each input position
     * @param predicted the most likely next character at every position
     */
    record Epoch(int epoch, double loss, double[][] probabilities, String predicted) {}

    private final Vocabulary vocabulary;
    private final int[] input;
    private final int[] target;
    private final List<Epoch> epochs = new ArrayList<>();

    ShortTextTrace(Vocabulary vocabulary, long[] text) {
        this.vocabulary = vocabulary;
        this.input = new int[text.length - 1];
        this.target = new int[text.length - 1];
        for (int t = 0; t + 1 < text.length; t++) {
            input[t] = (int) text[t];
            target[t] = (int) text[t + 1];
        }
    }

    static boolean applies(long[] text) {
        return text.length <= MAX_LENGTH;
    }

    Epoch record(int epoch, double loss, double[][] probabilities) {
        int[] best = new int[probabilities.length];
        for (int t = 0; t < best.length; t++) {
            best[t] = Sampler.argMax(probabilities[t]);
        }
        Epoch e = new Epoch(epoch, loss, probabilities, vocabulary.decode(best));
        epochs.add(e);
        return e;
    }

    /** P(the right next character) at every position. */
    double[] correctProbabilities(Epoch e) {
        double[] p = new double[target.length];
        for (int t = 0; t < p.length; t++) {
            p[t] = e.probabilities()[t][target[t]];
        }
        return p;
    }

    /** Every probability of an epoch on one line: {@code h→e: h 0.01 e 0.95 l 0.03 o 0.01 | e→l: …}. */
    String describe(Epoch e) {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < input.length; t++) {
            sb.append(t == 0 ? "" : " | ").append(step(t)).append(':');
            for (int c = 0; c < vocabulary.size(); c++) {
                sb.append(' ')
                        .append(vocabulary.display(c))
                        .append(' ')
                        .append(String.format(Locale.ROOT, "%.2f", e.probabilities()[t][c]));
            }
        }
        return sb.toString();
    }

    /** The label of a position, such as {@code h→e}. */
    String step(int t) {
        return vocabulary.display(input[t]) + "→" + vocabulary.display(target[t]);
    }

    int[] input() {
        return input.clone();
    }

    int[] target() {
        return target.clone();
    }

    String targetString() {
        return vocabulary.decode(target);
    }

    String inputString() {
        return vocabulary.decode(input);
    }

    List<Epoch> epochs() {
        return epochs;
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The first epoch from which on the predicted string always equals the target, or -1. */
    int epochsToTarget() {
        int first = -1;
        for (Epoch e : epochs) {
            if (e.predicted().equals(targetString())) {
                if (first < 0) {
                    first = e.epoch();
                }
            } else {
                first = -1;
            }
        }
        return first;
    }
}
