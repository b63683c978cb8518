package dev.lectern.server.system;

import ai.djl.Device;
import dev.lectern.datasets.DatasetService;
import dev.lectern.datasets.DatasetSpec;
import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.ImageSet;
import dev.lectern.plugin.api.LabelledImages;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.MetricsSink;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingCancelledException;
import dev.lectern.plugin.api.TrainingContext;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.server.DeviceResolver;
import dev.lectern.server.plugin.PluginManager;
import dev.lectern.server.plugin.PluginStatus;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * {@code lectern doctor}: prints the engine and the devices, then trains every loaded plugin for a few hundred steps
 * on every device the server can use, with the plugin's defaults (the CNN's small preset) on a small generated or
 * mirrored data set, and prints the time per step, the ratio between devices and the final loss. Succeeds when every
 * run ended with a finite loss.
 */
public final class Doctor {

    /** The step budget of one run unless {@code --steps} says otherwise. */
    public static final int DEFAULT_STEPS = 300;

    private final PluginManager plugins;
    private final DatasetService datasets;
    private final DeviceResolver devices;
    private final PrintStream out;
    private final int steps;

    /**
     * Creates the check.
     *
     * @param plugins the loaded plugins
     * @param datasets the data sets
     * @param devices the devices and the engine's facts
     * @param out where the report goes
     * @param steps the step budget of one run
     */
    public Doctor(PluginManager plugins, DatasetService datasets, DeviceResolver devices, PrintStream out, int steps) {
        this.plugins = plugins;
        this.datasets = datasets;
        this.devices = devices;
        this.out = out;
        this.steps = steps;
    }

    /** One run's result. */
    private record Result(
            String plugin, String dataset, String device, long steps, double msPerStep, double loss, String error) {

        boolean ok() {
            return error == null && Double.isFinite(loss);
        }
    }

    /**
     * Runs the check.
     *
     * @return the exit status: 0 when every run ended with a finite loss
     */
    public int run() {
        EngineFacts f = devices.engine();
        out.println("Lectern doctor");
        out.println("  " + f.describe());
        out.println("  capabilities: " + String.join(", ", f.features()));
        List<Device> targets = new ArrayList<>();
        targets.add(Device.cpu());
        for (int i = 0; i < devices.gpuCount(); i++) {
            targets.add(Device.gpu(i));
        }
        out.println("  devices: "
                + String.join(", ", targets.stream().map(DeviceResolver::name).toList())
                + (f.cudaBuild() ? "" : " (a CPU build; for a GPU build " + EngineFacts.GPU_HELP + ")"));
        List<Result> results = new ArrayList<>();
        boolean failedToLoad = false;
        for (PluginStatus status : plugins.statuses()) {
            if (!status.isLoaded()) {
                out.println("  plugin " + status.id() + " did not load: "
                        + status.error().orElse(""));
                failedToLoad = true;
            }
        }
        out.printf(
                Locale.ROOT,
                "%n  %-22s %-20s %-7s %6s %10s %12s%n",
                "plugin",
                "data set",
                "device",
                "steps",
                "ms/step",
                "final loss");
        for (LecturePlugin plugin : plugins.plugins()) {
            for (Device device : targets) {
                Result r = train(plugin, device);
                results.add(r);
                out.printf(
                        Locale.ROOT,
                        "  %-22s %-20s %-7s %6d %10.3f %12s%s%n",
                        r.plugin(),
                        r.dataset(),
                        r.device(),
                        r.steps(),
                        r.msPerStep(),
                        Double.isNaN(r.loss()) ? "-" : String.format(Locale.ROOT, "%.6g", r.loss()),
                        r.error() == null ? "" : "  FAILED: " + r.error());
            }
        }
        out.println();
        if (targets.size() == 1) {
            out.println("  ratio between devices: only " + DeviceResolver.name(targets.get(0))
                    + " here, nothing to compare");
        } else {
            Map<String, Map<String, Result>> byPlugin = new LinkedHashMap<>();
            results.forEach(r -> byPlugin.computeIfAbsent(r.plugin(), k -> new LinkedHashMap<>())
                    .put(r.device(), r));
            byPlugin.forEach((plugin, runs) -> {
                Result cpu = runs.get("cpu");
                runs.values().stream()
                        .filter(r -> !r.device().equals("cpu"))
                        .forEach(r -> out.printf(
                                Locale.ROOT,
                                "  ratio %-22s cpu/%s time per step: %.2f%n",
                                plugin,
                                r.device(),
                                cpu == null || !(r.msPerStep() > 0) ? Double.NaN : cpu.msPerStep() / r.msPerStep()));
            });
        }
        long bad = results.stream().filter(r -> !r.ok()).count();
        if (results.isEmpty()) {
            out.println("doctor: FAILED, no plugin loaded");
            return 1;
        }
        if (bad > 0 || failedToLoad) {
            out.println("doctor: FAILED, " + bad + " of " + results.size() + " runs did not end with a finite loss"
                    + (failedToLoad ? " and a plugin did not load" : ""));
            return 1;
        }
        out.println("doctor: OK, all " + results.size() + " runs ended with a finite loss");
        return 0;
    }

    /** The data set each plugin trained on first, so that every device trains on the same one. */
    private final Map<String, TrainingData> chosen = new HashMap<>();

    private Result train(LecturePlugin plugin, Device device) {
        String id = plugin.descriptor().id();
        String name = DeviceResolver.name(device);
        TrainingData known = chosen.get(id);
        List<String> refused = new ArrayList<>();
        Result last = null;
        for (TrainingData data : known != null ? List.of(known) : candidates(plugin, refused)) {
            Result r = train(plugin, device, data);
            if (r.error() == null || r.steps() > 0 || known != null) {
                chosen.put(id, data);
                return r;
            }
            // Refused before its first step (a data set it accepts by kind but not by content): try the next one.
            refused.add(data.info().id() + " (" + r.error() + ")");
            last = r;
        }
        return last != null
                ? new Result(id, "-", name, 0, Double.NaN, Double.NaN, "no data set it trains on: " + refused)
                : new Result(id, "-", name, 0, Double.NaN, Double.NaN, "no data set here: " + refused);
    }

    private Result train(LecturePlugin plugin, Device device, TrainingData data) {
        String id = plugin.descriptor().id();
        String name = DeviceResolver.name(device);
        DoctorContext context;
        try {
            context = new DoctorContext(device, params(plugin, data), data, steps);
        } catch (RuntimeException e) {
            return new Result(id, data.info().id(), name, 0, Double.NaN, Double.NaN, e.getMessage());
        }
        String error = null;
        try (TrainedModel model = plugin.train(context)) {
            model.summary();
        } catch (TrainingCancelledException e) {
            // The step budget ran out: the run ends here, as planned.
        } catch (Exception | LinkageError e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        long timed = context.lastDone - context.firstDone;
        double ms = timed > 0 ? (context.lastAt - context.firstAt) / 1e6 / timed : Double.NaN;
        if (error == null && !Double.isFinite(context.lastLoss)) {
            error = Double.isNaN(context.lastLoss) && context.losses == 0 ? "no loss reported" : "loss is not finite";
        }
        return new Result(id, data.info().id(), name, context.lastDone, ms, context.lastLoss, error);
    }

    /**
     * The plugin's defaults for its data set, with the epoch (or iteration) count raised so that the step budget,
     * not the plugin, ends the run.
     */
    private static ParamValues params(LecturePlugin plugin, TrainingData data) {
        Map<String, Object> values = new HashMap<>(plugin.defaultsFor(data.info()));
        for (ParamSpec spec : plugin.hyperParameters()) {
            if (spec.name().equals("epochs") || spec.name().equals("iterations")) {
                double max = spec.max() == null ? 1000 : Math.min(spec.max(), 1000);
                values.put(spec.name(), (int) max);
            }
        }
        ParamValues checked = ParamValues.check(plugin.hyperParameters(), values);
        plugin.validate(checked, data.info());
        return checked;
    }

    /**
     * The data sets to try, in order: generated images for an image model (no MNIST download needed), then the
     * catalog's data sets of the plugin's kinds that are here (generated, mirrored or cached) and pass its checks.
     */
    private List<TrainingData> candidates(LecturePlugin plugin, List<String> refused) {
        List<TrainingData> list = new ArrayList<>();
        if (plugin.datasetKinds().contains(DatasetKind.IMAGES)) {
            list.add(syntheticImages());
        }
        for (DatasetSpec spec : datasets.catalog().ofKinds(plugin.datasetKinds())) {
            if (spec.kind() == DatasetKind.IMAGES) {
                continue;
            }
            try {
                TrainingData data = datasets.load(spec.id(), event -> {});
                params(plugin, data);
                list.add(data);
            } catch (Exception e) {
                refused.add(spec.id() + " (" + e.getMessage() + ")");
            }
        }
        return list;
    }

    static TrainingData syntheticImages() {
        int size = 28;
        int classes = 4;
        ImageSet train = images(512, size, classes, new Random(1));
        ImageSet test = images(128, size, classes, new Random(2));
        DatasetInfo info = new DatasetInfo(
                "doctor-squares",
                "Generated squares (doctor)",
                DatasetKind.IMAGES,
                List.of(),
                "28x28 images of a bright square in one of four corners");
        return TrainingData.of(info, new LabelledImages(train, test));
    }

    private static ImageSet images(int count, int size, int classes, Random random) {
        byte[] pixels = new byte[count * size * size];
        byte[] labels = new byte[count];
        for (int n = 0; n < count; n++) {
            int label = random.nextInt(classes);
            // One label in ten is wrong, so the loss stays well above zero and a broken run shows.
            labels[n] = (byte) (random.nextInt(10) == 0 ? random.nextInt(classes) : label);
            int top = (label / 2) * (size / 2) + random.nextInt(4);
            int left = (label % 2) * (size / 2) + random.nextInt(4);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    boolean inside = y >= top && y < top + 9 && x >= left && x < left + 9;
                    int v = inside ? 200 + random.nextInt(56) : random.nextInt(40);
                    pixels[n * size * size + y * size + x] = (byte) v;
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add(Integer.toString(c));
        }
        return new ImageSet(count, size, size, pixels, labels, names);
    }

    /** A run's context: the device under test, a fixed seed, and a stop after the step budget. */
    private static final class DoctorContext implements TrainingContext, MetricsSink {

        private final Device device;
        private final ParamValues params;
        private final TrainingData data;
        private final int budget;
        long firstDone = -1;
        long firstAt;
        long lastDone;
        long lastAt;
        double lastLoss = Double.NaN;
        int losses;

        DoctorContext(Device device, ParamValues params, TrainingData data, int budget) {
            this.device = device;
            this.params = params;
            this.data = data;
            this.budget = budget;
        }

        @Override
        public Device device() {
            return device;
        }

        @Override
        public long seed() {
            return 1;
        }

        @Override
        public ParamValues params() {
            return params;
        }

        @Override
        public TrainingData data() {
            return data;
        }

        @Override
        public MetricsSink metrics() {
            return this;
        }

        @Override
        public void report(String name, long step, double value) {
            if (name.equals("loss")) {
                lastLoss = value;
                losses++;
            }
        }

        @Override
        public void progress(long done, long total) {
            long now = System.nanoTime();
            if (firstDone < 0) {
                firstDone = done;
                firstAt = now;
            }
            lastDone = done;
            lastAt = now;
        }

        @Override
        public boolean isCancelled() {
            return lastDone >= budget;
        }
    }
}
