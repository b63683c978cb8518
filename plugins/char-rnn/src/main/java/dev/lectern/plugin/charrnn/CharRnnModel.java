package dev.lectern.plugin.charrnn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.Prediction;
import dev.lectern.plugin.api.view.BarChart;
import dev.lectern.plugin.api.view.BarSeries;
import dev.lectern.plugin.api.view.View;
import dev.lectern.plugin.support.ReportingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A trained character model: the network's arrays, the vocabulary it reads and writes, and the run's summary.
 * Predicting reads a prompt and samples a continuation with a temperature. Saving writes the arrays as an encoded
 * {@link NDList} and everything else as a properties file.
 */
final class CharRnnModel extends ReportingModel {

    static final String PROMPT = "prompt";
    static final String TEMPERATURE = "temperature";
    static final String LENGTH = "length";
    static final String SEED = "seed";
    static final int MAX_PROMPT = 200;
    static final int MAX_LENGTH = 2000;
    /** Bars in the "what comes next" chart of a prediction. */
    private static final int TOP_CHARS = 10;

    private static final String PARAMS_FILE = "char-rnn.params";
    private static final String PROPERTIES_FILE = "char-rnn.properties";
    private static final String SUMMARY_PREFIX = "summary.";
    // Unit separator: keeps the summary's display order; never part of a summary name.
    private static final String KEY_SEPARATOR = "\u001f";

    private final RecurrentNet net;
    private final Vocabulary vocabulary;
    private final String defaultPrompt;

    CharRnnModel(
            RecurrentNet net,
            Vocabulary vocabulary,
            String defaultPrompt,
            Map<String, Double> summary,
            List<View> views) {
        super(summary, views);
        this.net = net;
        this.vocabulary = vocabulary;
        this.defaultPrompt = defaultPrompt;
    }

    RecurrentNet net() {
        return net;
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public List<ParamSpec> predictInputs() {
        return List.of(
                ParamSpec.ofText(
                        PROMPT,
                        "Prompt",
                        defaultPrompt,
                        MAX_PROMPT,
                        "Text the network reads first; it then writes on. Only characters of the training text."),
                ParamSpec.ofDouble(
                        TEMPERATURE,
                        "Temperature",
                        0.8,
                        0.05,
                        5.0,
                        "Below 1: safer, more repetitive text; above 1: more surprising, more misspelt."),
                ParamSpec.ofInt(LENGTH, "Length", defaultLength(), 1, MAX_LENGTH, "Characters to generate."),
                ParamSpec.ofInt(
                        SEED,
                        "Random seed",
                        1,
                        0,
                        Integer.MAX_VALUE,
                        "Fixes the random draws: the same seed gives the same text."));
    }

    /** "hello" continues with its four characters; a corpus with a paragraph. */
    private int defaultLength() {
        return summary().containsKey("minP(right next char)")
                ? Math.max(1, summary().get("window").intValue())
                : 300;
    }

    @Override
    public synchronized Prediction predict(ParamValues input) {
        String prompt = input.getString(PROMPT);
        if (prompt.isEmpty()) {
            prompt = defaultPrompt;
        }
        int[] encoded = vocabulary.encodePrompt(prompt, PROMPT);
        double temperature = input.getDouble(TEMPERATURE);
        Sampler.Sample sample =
                Sampler.generate(net, encoded, input.getInt(LENGTH), temperature, new Random(input.getInt(SEED)));
        String generated = vocabulary.decode(sample.generated());
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("meanLogProbability", sample.meanLogProbability());
        values.put("perplexity", Math.exp(-sample.meanLogProbability()));
        values.put("characters", (double) sample.generated().length);
        return new Prediction(prompt + generated, values, List.of(nextCharChart(prompt, sample.firstDistribution())));
    }

    private View nextCharChart(String prompt, double[] p) {
        int[] top = IntStream.range(0, p.length)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -p[i]).thenComparingInt(i -> i))
                .limit(TOP_CHARS)
                .mapToInt(Integer::intValue)
                .toArray();
        List<String> names = new ArrayList<>();
        double[] heights = new double[top.length];
        for (int i = 0; i < top.length; i++) {
            names.add(vocabulary.display(top[i]));
            heights[i] = p[top[i]];
        }
        String tail = prompt.length() > 20 ? "…" + prompt.substring(prompt.length() - 20) : prompt;
        return new BarChart(
                "What comes after \"" + tail + "\" (temperature 1, most likely " + top.length + ")",
                names,
                "P(next character)",
                List.of(new BarSeries("P(next character)", heights)));
    }

    @Override
    public void save(Path directory) throws IOException {
        Properties props = new Properties();
        props.setProperty("cell", net.cell().id());
        props.setProperty("hiddenSize", Integer.toString(net.hidden()));
        props.setProperty("layers", Integer.toString(net.layers()));
        props.setProperty(
                "vocabulary",
                Arrays.stream(vocabulary.codePoints())
                        .mapToObj(Integer::toString)
                        .collect(Collectors.joining(",")));
        props.setProperty("defaultPrompt", defaultPrompt);
        summary().forEach((k, v) -> props.setProperty(SUMMARY_PREFIX + k, Double.toString(v)));
        props.setProperty("summaryKeys", String.join(KEY_SEPARATOR, summary().keySet()));
        try (Writer w = Files.newBufferedWriter(directory.resolve(PROPERTIES_FILE), StandardCharsets.UTF_8)) {
            props.store(w, "Lectern char-RNN model");
        }
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
                OutputStream out = Files.newOutputStream(directory.resolve(PARAMS_FILE))) {
            NDList arrays = new NDList();
            for (float[] values : net.hostValues()) {
                arrays.add(manager.create(values));
            }
            arrays.encode(out);
        }
    }

    static CharRnnModel load(Path directory, Device device) throws IOException {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(directory.resolve(PROPERTIES_FILE), StandardCharsets.UTF_8)) {
            props.load(r);
        }
        try {
            CellType cell = CellType.of(require(props, "cell"));
            int hidden = Integer.parseInt(require(props, "hiddenSize"));
            int layers = Integer.parseInt(require(props, "layers"));
            Vocabulary vocabulary = Vocabulary.ofCodePoints(
                    Arrays.stream(require(props, "vocabulary").split(","))
                            .mapToInt(Integer::parseInt)
                            .toArray());
            List<float[]> values = new ArrayList<>();
            try (NDManager manager = NDManager.newBaseManager(Device.cpu());
                    InputStream in = Files.newInputStream(directory.resolve(PARAMS_FILE))) {
                for (NDArray a : NDList.decode(manager, in)) {
                    values.add(a.toFloatArray());
                }
            }
            List<Shape> shapes = RecurrentNet.shapes(cell, vocabulary.size(), hidden, layers);
            for (int i = 0; i < shapes.size() && i < values.size(); i++) {
                if (values.get(i).length != shapes.get(i).size()) {
                    throw new IOException("saved char-RNN model in " + directory + " has an array of "
                            + values.get(i).length + " values where " + shapes.get(i) + " was expected");
                }
            }
            Map<String, Double> summary = new LinkedHashMap<>();
            for (String key : require(props, "summaryKeys").split(KEY_SEPARATOR)) {
                summary.put(key, Double.parseDouble(require(props, SUMMARY_PREFIX + key)));
            }
            RecurrentNet net = RecurrentNet.of(device, cell, vocabulary.size(), hidden, layers, values, false);
            return new CharRnnModel(net, vocabulary, require(props, "defaultPrompt"), summary, List.of());
        } catch (IllegalArgumentException e) {
            throw new IOException("saved char-RNN model in " + directory + " is damaged: " + e.getMessage(), e);
        }
    }

    private static String require(Properties props, String key) throws IOException {
        String value = props.getProperty(key);
        if (value == null) {
            throw new IOException("saved char-RNN model lacks the property '" + key + "'");
        }
        return value;
    }

    @Override
    public void close() {
        net.close();
    }
}
