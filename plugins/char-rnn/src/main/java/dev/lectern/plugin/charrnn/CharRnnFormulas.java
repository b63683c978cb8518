package dev.lectern.plugin.charrnn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.lectern.plugin.api.view.Formulas;
import dev.lectern.plugin.support.Tex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The recurrence worked through for a short text such as "hello" (API 1.4): the cell's equation, then for each
 * character read its hidden state h_t and the character the network predicts next, from the weights now. Drawn for
 * the live pictures after each step and for the result.
 */
final class CharRnnFormulas {

    /** Units of h_t written out before the rest are elided. */
    private static final int SHOWN_UNITS = 8;

    private CharRnnFormulas() {}

    /**
     * Reads the text's inputs one character at a time from a zero state and writes h_t after each.
     *
     * @param net the network now
     * @param trace the text's inputs and targets
     * @return the view
     */
    static Formulas of(RecurrentNet net, ShortTextTrace trace) {
        Vocabulary vocabulary = trace.vocabulary();
        int[] input = trace.input();
        int[] target = trace.target();
        List<String> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        lines.add(cellEquation(net.cell()));
        notes.add("x_t is the one-hot vector of the t-th character; h_0 = 0; the top layer's h_t of " + net.hidden()
                + " units is written out.");
        try (NDManager manager = net.manager().newSubManager()) {
            NDList state = net.zeroState(manager, 1);
            for (int t = 0; t < input.length; t++) {
                RecurrentNet.Output out =
                        net.forward(Sampler.oneHot(manager, new int[] {input[t]}, net.vocab()), state, false);
                state = out.state();
                float[] h = state.get(0).get(net.layers() - 1).toFloatArray();
                double[] p = Sampler.softmax(out.scores().toFloatArray(), 0, net.vocab(), 1.0);
                int predicted = Sampler.argMax(p);
                lines.add("t = " + (t + 1) + ",\\ x_{" + (t + 1) + "} = " + character(vocabulary, input[t])
                        + ": \\quad h_{" + (t + 1) + "} = " + vector(h) + ", \\quad \\hat{y}_{" + (t + 1) + "} = "
                        + character(vocabulary, predicted) + "\\ (" + Tex.num(p[predicted]) + ")");
                notes.add(
                        predicted == target[t]
                                ? ""
                                : "The right next character is " + vocabulary.display(target[t]) + ", with probability "
                                        + String.format(Locale.ROOT, "%.3f", p[target[t]]) + ".");
            }
        }
        return new Formulas("The recurrence for \"" + trace.inputString() + "\" with the weights now", lines, notes);
    }

    private static String cellEquation(CellType cell) {
        String output = ", \\quad S(y_t) = \\mathrm{softmax}(h_t W_{hy} + b_y)";
        return switch (cell) {
            case RNN -> "h_t = \\tanh(x_t W_{ih} + b_{ih} + h_{t-1} W_{hh} + b_{hh})" + output;
            case LSTM -> "c_t = f_t \\odot c_{t-1} + i_t \\odot g_t, \\quad h_t = o_t \\odot \\tanh(c_t)" + output;
            case GRU -> "h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}" + output;
        };
    }

    private static String vector(float[] h) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(h.length, SHOWN_UNITS); i++) {
            parts.add(Tex.num(h[i]));
        }
        if (h.length > SHOWN_UNITS) {
            parts.add("\\ldots");
        }
        return "\\left(" + String.join(",\\ ", parts) + "\\right)";
    }

    /** A character as TeX text: the characters TeX reads as commands escaped, blanks and line ends spelled out. */
    private static String character(Vocabulary vocabulary, int c) {
        String shown = vocabulary.display(c);
        StringBuilder tex = new StringBuilder();
        for (int i = 0; i < shown.length(); i++) {
            char ch = shown.charAt(i);
            switch (ch) {
                case '\\' -> tex.append("\\textbackslash{}");
                case '{', '}', '#', '$', '%', '&', '_' -> tex.append('\\').append(ch);
                case '^' -> tex.append("\\textasciicircum{}");
                case '~' -> tex.append("\\textasciitilde{}");
                default -> tex.append(ch);
            }
        }
        return "\\text{\\textquoteleft " + tex + "\\textquoteright}";
    }
}
