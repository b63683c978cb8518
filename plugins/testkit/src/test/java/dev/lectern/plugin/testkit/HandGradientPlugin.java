package dev.lectern.plugin.testkit;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.PluginApi;
import dev.lectern.plugin.api.PluginDescriptor;
import dev.lectern.plugin.api.Table;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingContext;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.api.gradient.GradientCheck;
import dev.lectern.plugin.api.gradient.GradientParameter;
import dev.lectern.plugin.api.gradient.GradientProblem;
import dev.lectern.plugin.api.view.View;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A test fixture: H(x) = w·x + b with the cost mean((H(x) − y)²) and a gradient written by hand (a custom backward
 * pass), either right, 2/m Σ (H − y)·x, or with the textbook slip of a lost factor 2 on dW. "Training" sets fixed
 * weights; the point is the gradient check, which must pass the right gradient and fail the wrong one.
 */
final class HandGradientPlugin implements LecturePlugin {

    private final boolean wrong;

    HandGradientPlugin(boolean wrong) {
        this.wrong = wrong;
    }

    /** y = 3x − 1 plus a wiggle, eight rows. */
    static TrainingData data() {
        List<Column> columns = List.of(new Column("x", ColumnRole.FEATURE), new Column("y", ColumnRole.LABEL));
        float[] values = new float[16];
        for (int r = 0; r < 8; r++) {
            float x = r * 0.5f - 1.5f;
            values[2 * r] = x;
            values[2 * r + 1] = 3 * x - 1 + (r % 3 - 1) * 0.2f;
        }
        return TrainingData.of(
                new DatasetInfo("hand-line", "A line", DatasetKind.TABLE, columns, ""), new Table(columns, 8, values));
    }

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(
                wrong ? "wrong-gradient" : "hand-gradient",
                "Hand-written gradient",
                "Test fixture",
                "A line whose gradient is written by hand.",
                "0.1.0",
                PluginApi.VERSION,
                List.of("H(x) = wx + b"));
    }

    @Override
    public List<ParamSpec> hyperParameters() {
        return List.of();
    }

    @Override
    public Set<DatasetKind> datasetKinds() {
        return Set.of(DatasetKind.TABLE);
    }

    @Override
    public boolean checksGradients() {
        return true;
    }

    @Override
    public TrainedModel train(TrainingContext context) {
        return new Line(2.5, -0.5);
    }

    @Override
    public TrainedModel load(Path directory, Device device) throws IOException {
        String[] wb = Files.readString(directory.resolve("line.txt")).trim().split(" ");
        return new Line(Double.parseDouble(wb[0]), Double.parseDouble(wb[1]));
    }

    /** The fitted line. */
    final class Line implements TrainedModel {

        private final double w;
        private final double b;

        Line(double w, double b) {
            this.w = w;
            this.b = b;
        }

        @Override
        public Map<String, Double> summary() {
            return Map.of("w", w, "b", b);
        }

        @Override
        public List<View> views() {
            return List.of();
        }

        @Override
        public void save(Path directory) throws IOException {
            Files.writeString(directory.resolve("line.txt"), String.format(Locale.ROOT, "%.17g %.17g", w, b));
        }

        @Override
        public Optional<GradientProblem> gradientProblem(TrainingData data, GradientCheck.Options options) {
            float[] x = data.table().features();
            float[] y = data.table().label();
            return Optional.of(new GradientProblem() {
                @Override
                public int examples() {
                    return x.length;
                }

                @Override
                public List<GradientParameter> parameters() {
                    return List.of(
                            GradientParameter.of("w", new double[] {w}, 1),
                            GradientParameter.of("b", new double[] {b}, 1));
                }

                @Override
                public NDArray loss(NDManager manager, Map<String, NDArray> p) {
                    NDArray xs = manager.create(toDoubles(x), new Shape(x.length));
                    NDArray ys = manager.create(toDoubles(y), new Shape(y.length));
                    return xs.mul(p.get("w")).add(p.get("b")).sub(ys).square().mean();
                }

                /** The custom backward: dJ/dw = 2/m Σ r·x and dJ/db = 2/m Σ r, with r = H(x) − y. */
                @Override
                public Map<String, NDArray> gradient(NDManager manager, Map<String, NDArray> p) {
                    double pw = p.get("w").toDoubleArray()[0];
                    double pb = p.get("b").toDoubleArray()[0];
                    double dw = 0;
                    double db = 0;
                    for (int i = 0; i < x.length; i++) {
                        double r = pw * x[i] + pb - y[i];
                        dw += (wrong ? 1 : 2) * r * x[i] / x.length;
                        db += 2 * r / y.length;
                    }
                    return Map.of("w", manager.create(new double[] {dw}), "b", manager.create(new double[] {db}));
                }
            });
        }

        @Override
        public void close() {}
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
