package dev.lectern.plugin.charrnn;

import dev.lectern.plugin.api.view.Heatmap;
import dev.lectern.plugin.api.view.TableView;
import dev.lectern.plugin.api.view.TextView;
import dev.lectern.plugin.api.view.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The pictures after training: for "hello" the road from noise to "ello", for a corpus the generated samples. */
final class CharRnnViews {

    /** Rows of the per-epoch heat map and table; longer runs are thinned evenly, keeping the first and last epoch. */
    static final int MAX_ROWS = 50;

    private CharRnnViews() {}

    static List<View> forShortText(ShortTextTrace trace) {
        List<ShortTextTrace.Epoch> epochs = thinned(trace.epochs());
        ShortTextTrace.Epoch last = trace.epochs().get(trace.epochs().size() - 1);
        Vocabulary vocabulary = trace.vocabulary();
        int positions = last.probabilities().length;
        List<View> views = new ArrayList<>();

        List<String> finalHeaders = new ArrayList<>(List.of("position", "input", "target", "predicted"));
        for (String c : vocabulary.displayAll()) {
            finalHeaders.add("P(" + c + ")");
        }
        List<List<String>> finalRows = new ArrayList<>();
        String input = trace.inputString();
        String target = trace.targetString();
        for (int t = 0; t < positions; t++) {
            int best = Sampler.argMax(last.probabilities()[t]);
            List<String> row = new ArrayList<>(List.of(
                    Integer.toString(t + 1),
                    vocabulary.display(trace.input()[t]),
                    vocabulary.display(trace.target()[t]),
                    vocabulary.display(best)));
            for (double p : last.probabilities()[t]) {
                row.add(format(p));
            }
            finalRows.add(row);
        }
        views.add(new TableView(
                "After the last epoch: the probability of every character at every position (input \"" + input
                        + "\", target \"" + target + "\")",
                finalHeaders,
                finalRows));

        List<String> headers = new ArrayList<>(List.of("epoch", "predicted", "loss"));
        for (int t = 0; t < positions; t++) {
            headers.add("P(" + trace.step(t) + ")");
        }
        List<List<String>> rows = new ArrayList<>();
        double[] y = new double[epochs.size()];
        double[][] values = new double[epochs.size()][];
        for (int i = 0; i < epochs.size(); i++) {
            ShortTextTrace.Epoch e = epochs.get(i);
            double[] p = trace.correctProbabilities(e);
            y[i] = e.epoch();
            values[i] = p;
            List<String> row = new ArrayList<>(List.of(Integer.toString(e.epoch()), e.predicted(), format(e.loss())));
            for (double v : p) {
                row.add(format(v));
            }
            rows.add(row);
        }
        views.add(new TableView(
                "Predicted string per epoch, with the probability of the right next character", headers, rows));

        double[] x = new double[positions];
        List<String> steps = new ArrayList<>();
        for (int t = 0; t < positions; t++) {
            x[t] = t + 1;
            steps.add((t + 1) + ": " + trace.step(t));
        }
        List<String> epochNames = new ArrayList<>();
        for (double epoch : y) {
            epochNames.add(Long.toString(Math.round(epoch)));
        }
        // Positions, epochs and characters are categories: drawn as cells named by them, not as a smooth surface.
        views.add(new Heatmap(
                "From noise to \"" + target + "\": P(right next character) per epoch and position",
                "position (input → target)",
                "epoch",
                "P(right next character)",
                x,
                y,
                values,
                new double[0],
                List.of(),
                steps,
                epochNames));

        double[] chars = new double[vocabulary.size()];
        List<String> characters = new ArrayList<>();
        for (int c = 0; c < chars.length; c++) {
            chars[c] = c;
            characters.add(vocabulary.display(c));
        }
        views.add(new Heatmap(
                "After the last epoch: P(next character) at every position",
                "next character",
                "position (input → target)",
                "P(next character)",
                chars,
                x,
                last.probabilities(),
                new double[0],
                List.of(),
                characters,
                steps));
        return views;
    }

    /**
     * The samples, and notes on what the model did not see.
     *
     * @param samples epoch, loss and sample text per epoch
     * @param temperature the sampling temperature
     * @param vocabulary the characters
     * @param cutAt the number of characters trained on when the text was cut, else 0
     * @return the views
     */
    static List<View> forCorpus(List<String[]> samples, double temperature, Vocabulary vocabulary, long cutAt) {
        List<View> views = new ArrayList<>();
        if (!samples.isEmpty()) {
            String[] last = samples.get(samples.size() - 1);
            views.add(new TextView("Sample after the last epoch (temperature " + temperature + ")", last[2]));
            List<List<String>> rows = new ArrayList<>();
            for (String[] s : thinned(samples)) {
                String text = s[2].replace("\n", " ⏎ ");
                rows.add(List.of(s[0], s[1], text.length() > 160 ? text.substring(0, 160) + "…" : text));
            }
            views.add(new TableView("Samples per epoch", List.of("epoch", "loss", "sample"), rows));
        }
        if (vocabulary.capped()) {
            views.add(new TextView(
                    "Vocabulary",
                    "The text has more than " + Vocabulary.MAX_SIZE
                            + " distinct characters; the " + (vocabulary.size() - 1)
                            + " most frequent are kept and every other one is read and written as \uFFFD."));
        }
        if (cutAt > 0) {
            views.add(new TextView(
                    "Text length",
                    "The text is longer than " + cutAt + " characters; the model was trained on its first " + cutAt
                            + "."));
        }
        return views;
    }

    static <T> List<T> thinned(List<T> all) {
        if (all.size() <= MAX_ROWS) {
            return all;
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS; i++) {
            out.add(all.get((int) Math.round(i * (all.size() - 1) / (double) (MAX_ROWS - 1))));
        }
        return out;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
