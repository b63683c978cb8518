package dev.lectern.plugin.lstm;

/**
 * The trained network evaluated in plain Java from its {@link Weights}: used for every prediction and view, so that a
 * loaded model answers exactly like the one just trained, and to expose the LSTM's gates, which the engine's fused op
 * does not return.
 *
 * <p>LSTM step (PyTorch's gate order i, f, g, o): {@code z = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh};
 * {@code i = σ(z_i)}, {@code f = σ(z_f)}, {@code g = tanh(z_g)}, {@code o = σ(z_o)}; {@code c_t = f ⊙ c_{t−1} + i ⊙ g};
 * {@code h_t = o ⊙ tanh(c_t)}. The forecast is {@code head.w · h_T + head.b} of the top layer.
 */
final class Network {

    private final Weights weights;
    private final ForecastSettings settings;
    private final int steps;
    private final int features;

    Network(Weights weights, ForecastSettings settings, int steps, int features) {
        this.weights = weights;
        this.settings = settings;
        this.steps = steps;
        this.features = features;
    }

    /**
     * Gate activations of the top LSTM layer while it reads one window, {@code [unit][step]} each.
     *
     * @param input input gate i
     * @param forget forget gate f
     * @param output output gate o
     * @param cell cell state c
     * @param hidden hidden state h
     * @param prediction the scaled forecast
     */
    record Trace(
            double[][] input,
            double[][] forget,
            double[][] output,
            double[][] cell,
            double[][] hidden,
            double prediction) {}

    /** The scaled forecast for one window, {@code [steps][features]} row-major. */
    double predict(float[] window) {
        return settings.isLstm() ? trace(window).prediction() : fc(window);
    }

    /** Forecasts for every window. */
    double[] predictAll(Windows windows) {
        double[] out = new double[windows.count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = predict(windows.input(i));
        }
        return out;
    }

    /** Runs the LSTM over one window and records the top layer's gates. */
    Trace trace(float[] window) {
        int h = settings.hidden();
        double[][] layerInput = new double[steps][features];
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < features; k++) {
                layerInput[t][k] = window[t * features + k];
            }
        }
        double[][] gi = null;
        double[][] gf = null;
        double[][] go = null;
        double[][] cs = null;
        double[][] hs = null;
        for (int l = 0; l < settings.layers(); l++) {
            float[] wIh = weights.get("l" + l + ".wIh");
            float[] wHh = weights.get("l" + l + ".wHh");
            float[] bIh = weights.get("l" + l + ".bIh");
            float[] bHh = weights.get("l" + l + ".bHh");
            int in = layerInput[0].length;
            gi = new double[h][steps];
            gf = new double[h][steps];
            go = new double[h][steps];
            cs = new double[h][steps];
            hs = new double[h][steps];
            double[] hPrev = new double[h];
            double[] cPrev = new double[h];
            double[][] next = new double[steps][h];
            for (int t = 0; t < steps; t++) {
                double[] z = new double[4 * h];
                for (int r = 0; r < 4 * h; r++) {
                    double sum = bIh[r] + bHh[r];
                    for (int k = 0; k < in; k++) {
                        sum += wIh[r * in + k] * layerInput[t][k];
                    }
                    for (int k = 0; k < h; k++) {
                        sum += wHh[r * h + k] * hPrev[k];
                    }
                    z[r] = sum;
                }
                for (int u = 0; u < h; u++) {
                    double i = sigmoid(z[u]);
                    double f = sigmoid(z[h + u]);
                    double g = Math.tanh(z[2 * h + u]);
                    double o = sigmoid(z[3 * h + u]);
                    double c = f * cPrev[u] + i * g;
                    double hu = o * Math.tanh(c);
                    gi[u][t] = i;
                    gf[u][t] = f;
                    go[u][t] = o;
                    cs[u][t] = c;
                    hs[u][t] = hu;
                    cPrev[u] = c;
                    next[t][u] = hu;
                }
                hPrev = next[t].clone();
            }
            layerInput = next;
        }
        return new Trace(gi, gf, go, cs, hs, head(layerInput[steps - 1]));
    }

    private double fc(float[] window) {
        double[] a = new double[window.length];
        for (int k = 0; k < a.length; k++) {
            a[k] = window[k];
        }
        int h = settings.hidden();
        for (int l = 0; l < settings.layers(); l++) {
            float[] w = weights.get("l" + l + ".w");
            float[] b = weights.get("l" + l + ".b");
            double[] out = new double[h];
            for (int u = 0; u < h; u++) {
                double sum = b[u];
                for (int k = 0; k < a.length; k++) {
                    sum += w[u * a.length + k] * a[k];
                }
                out[u] = Math.tanh(sum);
            }
            a = out;
        }
        return head(a);
    }

    private double head(double[] hidden) {
        float[] w = weights.get("head.w");
        double sum = weights.get("head.b")[0];
        for (int k = 0; k < hidden.length; k++) {
            sum += w[k] * hidden[k];
        }
        return sum;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
