package dev.lectern.plugin.lstm;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Writes and reads a forecaster: {@code settings.properties} (the form values and training figures),
 * {@code series.bin} (the rows oldest first, from which the split, the scalers' min and max and the windows are
 * rebuilt exactly) and {@code weights.bin}.
 */
final class ModelFiles {

    private static final String SETTINGS = "settings.properties";
    private static final String SERIES = "series.bin";
    private static final String WEIGHTS = "weights.bin";
    private static final int FORMAT = 1;

    static void save(Path directory, ForecastModel model) throws IOException {
        Properties p = model.settings().toProperties();
        p.setProperty("format", Integer.toString(FORMAT));
        p.setProperty("firstLoss", Double.toString(model.stats().firstLoss()));
        p.setProperty("finalLoss", Double.toString(model.stats().finalLoss()));
        p.setProperty("seconds", Double.toString(model.stats().seconds()));
        try (Writer w = Files.newBufferedWriter(directory.resolve(SETTINGS), StandardCharsets.UTF_8)) {
            p.store(w, "Lectern LSTM forecaster");
        }
        TimeSeries series = model.data().series();
        try (DataOutputStream out = data(Files.newOutputStream(directory.resolve(SERIES)))) {
            out.writeInt(series.target());
            out.writeInt(series.columns());
            for (String name : series.names()) {
                out.writeUTF(name);
            }
            out.writeInt(series.length());
            for (double[] row : series.rows()) {
                for (double v : row) {
                    out.writeDouble(v);
                }
            }
        }
        Weights weights = model.weights();
        try (DataOutputStream out = data(Files.newOutputStream(directory.resolve(WEIGHTS)))) {
            out.writeInt(weights.count());
            for (int i = 0; i < weights.count(); i++) {
                out.writeUTF(weights.names().get(i));
                long[] shape = weights.shapes().get(i);
                out.writeInt(shape.length);
                for (long d : shape) {
                    out.writeLong(d);
                }
                float[] values = weights.values().get(i);
                out.writeInt(values.length);
                for (float v : values) {
                    out.writeFloat(v);
                }
            }
        }
    }

    static ForecastModel load(Path directory) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(directory.resolve(SETTINGS), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        if (!Integer.toString(FORMAT).equals(p.getProperty("format"))) {
            throw new IOException("unknown forecaster format " + p.getProperty("format") + " in " + directory);
        }
        ForecastSettings settings = ForecastSettings.fromProperties(p);
        ForecastModel.TrainingStats stats = new ForecastModel.TrainingStats(
                Double.parseDouble(p.getProperty("firstLoss")),
                Double.parseDouble(p.getProperty("finalLoss")),
                Double.parseDouble(p.getProperty("seconds")));
        TimeSeries series;
        try (DataInputStream in = data(Files.newInputStream(directory.resolve(SERIES)))) {
            int target = in.readInt();
            int columns = in.readInt();
            List<String> names = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                names.add(in.readUTF());
            }
            double[][] rows = new double[in.readInt()][columns];
            for (double[] row : rows) {
                for (int c = 0; c < columns; c++) {
                    row[c] = in.readDouble();
                }
            }
            series = new TimeSeries(names, rows, target);
        }
        Weights weights;
        try (DataInputStream in = data(Files.newInputStream(directory.resolve(WEIGHTS)))) {
            int count = in.readInt();
            List<String> names = new ArrayList<>();
            List<long[]> shapes = new ArrayList<>();
            List<float[]> values = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                names.add(in.readUTF());
                long[] shape = new long[in.readInt()];
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = in.readLong();
                }
                float[] v = new float[in.readInt()];
                for (int k = 0; k < v.length; k++) {
                    v[k] = in.readFloat();
                }
                shapes.add(shape);
                values.add(v);
            }
            weights = new Weights(names, shapes, values);
        }
        return new ForecastModel(settings, series, weights, stats);
    }

    private static DataOutputStream data(OutputStream out) {
        return new DataOutputStream(new BufferedOutputStream(out));
    }

    private static DataInputStream data(InputStream in) {
        return new DataInputStream(new BufferedInputStream(in));
    }

    private ModelFiles() {}
}
