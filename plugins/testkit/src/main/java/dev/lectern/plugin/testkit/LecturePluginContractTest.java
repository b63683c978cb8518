package dev.lectern.plugin.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.ParamType;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.PluginApi;
import dev.lectern.plugin.api.PluginDescriptor;
import dev.lectern.plugin.api.Prediction;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingCancelledException;
import dev.lectern.plugin.api.TrainingData;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every lecture-model plugin must meet. Extend it once per plugin module, name the subclass
 * {@code <Model>PluginContractTest}, and supply the plugin, a tiny data set and a small training budget.
 */
public abstract class LecturePluginContractTest {

    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-zA-Z0-9]*");
    private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+([-+].*)?");

    /**
     * Returns a fresh instance of the plugin under test.
     *
     * @return the plugin
     */
    protected abstract LecturePlugin plugin();

    /**
     * Returns a tiny data set that a short run learns from visibly.
     *
     * @return the data
     */
    protected abstract TrainingData tinyData();

    /**
     * Returns parameter values that keep a run short (few epochs) but long enough for the loss to fall.
     *
     * @return parameter name to value, merged over the declared defaults
     */
    protected abstract Map<String, Object> tinyBudget();

    /**
     * Returns an input for {@link TrainedModel#predict}, checked against the model's declared inputs.
     *
     * @return input name to value
     */
    protected Map<String, Object> samplePredictInput() {
        return Map.of();
    }

    /**
     * Tells whether the plugin has an optional capability; all default to true.
     *
     * @param capability the capability
     * @return whether the plugin has it
     */
    protected boolean hasCapability(Capability capability) {
        return true;
    }

    /**
     * Returns the factor by which a short run must lower the loss: last loss below factor x first loss. It is read only
     * by the default {@link #learningCheck()}; override that to choose another metric or criterion.
     *
     * @return a factor in (0, 1)
     */
    protected double requiredLossDrop() {
        return 0.9;
    }

    /**
     * Returns what a short run with the tiny budget must show to count as learning: by default the loss falls by
     * {@link #requiredLossDrop()}. A model whose loss can start at 0 (a perceptron's criterion) or that reports no loss
     * chooses another metric or criterion, e.g. {@code LearningCheck.atLeast("accuracy", 0.9)}.
     *
     * @return the check
     */
    protected LearningCheck learningCheck() {
        return LearningCheck.fallsBy("loss", requiredLossDrop());
    }

    /** The check running now, named in the message of a training failure (runs may train on pool threads). */
    private volatile String check = "?";

    @BeforeEach
    void rememberTheCheck(TestInfo info) {
        check = info.getTestMethod().map(java.lang.reflect.Method::getName).orElse(info.getDisplayName());
    }

    /**
     * Reports an exception thrown by the plugin's training as what it is, with its message and causes, rather than
     * letting the check that trained read it as its own failure (a cancellation that did not happen, a twin that
     * differs).
     */
    private AssertionError trainingFailed(Throwable e, String context) {
        StringBuilder text = new StringBuilder("training failed in ")
                .append(check)
                .append(context)
                .append(": ")
                .append(e);
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append("; caused by ").append(cause);
        }
        return new AssertionError(text.toString(), e);
    }

    private TrainedModel trainOrFail(LecturePlugin plugin, FakeTrainingContext context) {
        try {
            return plugin.train(context);
        } catch (Exception e) {
            throw trainingFailed(e, "");
        }
    }

    /**
     * Trains with the tiny budget and a seed.
     *
     * @param seed the run's seed
     * @return the model with the context it recorded into
     * @throws Exception when training fails
     */
    protected final Run train(long seed) throws Exception {
        return train(seed, tinyBudget(), () -> {});
    }

    /**
     * Returns the budget of {@link #trainsTheSameAlongsideATwin}: by default the tiny budget. A plugin with dropout or
     * any other randomness drawn while training overrides it to switch that on, since that is what twins race for.
     *
     * @return parameter name to value, merged over the declared defaults
     */
    protected Map<String, Object> twinBudget() {
        return tinyBudget();
    }

    private Run train(long seed, Map<String, Object> budget, Barrier beforeTraining) throws Exception {
        LecturePlugin plugin = plugin();
        FakeTrainingContext context =
                new FakeTrainingContext(budgetValues(plugin, budget), tinyData(), seed, () -> false);
        beforeTraining.await();
        return new Run(trainOrFail(plugin, context), context);
    }

    @FunctionalInterface
    private interface Barrier {
        void await() throws Exception;
    }

    /**
     * A finished training run.
     *
     * @param model the trained model
     * @param context the context it reported into
     */
    protected record Run(TrainedModel model, FakeTrainingContext context) {}

    @Test
    void isRegisteredWithServiceLoader() {
        Class<?> type = plugin().getClass();
        boolean found = ServiceLoader.load(LecturePlugin.class, type.getClassLoader()).stream()
                .anyMatch(provider -> provider.type().equals(type));
        assertThat(found)
                .as("META-INF/services/%s lists %s", LecturePlugin.class.getName(), type.getName())
                .isTrue();
    }

    @Test
    void descriptorIsComplete() {
        PluginDescriptor d = plugin().descriptor();
        assertThat(d.version()).as("version").matches(SEMVER);
        assertThat(PluginApi.major(d.apiVersion()))
                .as("API major version")
                .isEqualTo(PluginApi.major(PluginApi.VERSION));
        assertThat(d.formulas()).as("lecture formulas").isNotEmpty();
        assertThat(plugin().datasetKinds()).as("accepted data set kinds").isNotEmpty();
    }

    @Test
    void declaresUsableHyperParameters() {
        List<ParamSpec> specs = plugin().hyperParameters();
        assertThat(specs).isNotEmpty();
        assertThat(new HashSet<>(specs.stream().map(ParamSpec::name).toList()))
                .as("unique names")
                .hasSize(specs.size());
        for (ParamSpec spec : specs) {
            assertThat(spec.name()).as("name of %s", spec.name()).matches(CAMEL_CASE);
            assertThat(spec.help()).as("help of %s", spec.name()).isNotBlank();
        }
        ParamValues defaults = ParamValues.check(specs, Map.of());
        assertThat(defaults.asMap())
                .containsOnlyKeys(specs.stream().map(ParamSpec::name).toArray(String[]::new));
        plugin().validate(defaults, tinyData().info());
    }

    @Test
    void rejectsBadValuesNamingTheField() {
        List<ParamSpec> specs = plugin().hyperParameters();
        for (ParamSpec spec : specs) {
            if (spec.type() == ParamType.INT || spec.type() == ParamType.DOUBLE) {
                expectRejected(specs, spec.name(), "abc");
                if (spec.min() != null) {
                    expectRejected(specs, spec.name(), spec.min() - 1);
                }
                if (spec.max() != null) {
                    expectRejected(specs, spec.name(), spec.max() * 10 + 1);
                }
            } else if (spec.type() == ParamType.CHOICE) {
                expectRejected(specs, spec.name(), "no-such-choice");
            }
        }
        expectRejected(specs, "noSuchParameter", 1);
    }

    @Test
    @Timeout(120)
    void shortRunLearns() throws Exception {
        LearningCheck learning = learningCheck();
        assumeThat(!"loss".equals(learning.metric()) || hasCapability(Capability.REPORTS_LOSS))
                .as("a plugin without Capability.REPORTS_LOSS checks the loss")
                .isTrue();
        Run run = train(7);
        try (TrainedModel model = run.model()) {
            assertThat(model.summary()).as("summary").isNotEmpty();
            model.summary()
                    .forEach((key, value) ->
                            assertThat(value).as("summary %s", key).isFinite());
            learning.judge(run.context().recorded(), model.summary(), getClass().getSimpleName())
                    .ifPresent(failure -> {
                        throw new AssertionError(failure);
                    });
            long[] progress = run.context().lastProgress();
            assertThat(progress[1]).as("progress total").isPositive();
            assertThat(progress[0]).as("progress done at the end").isEqualTo(progress[1]);
        }
    }

    @Test
    @Timeout(240)
    void sameSeedGivesTheSameResult() throws Exception {
        assumeThat(hasCapability(Capability.DETERMINISTIC)).isTrue();
        Run a = train(11);
        Run b = train(11);
        try (TrainedModel first = a.model();
                TrainedModel second = b.model()) {
            assertThat(second.summary().keySet()).isEqualTo(first.summary().keySet());
            for (String key : first.summary().keySet()) {
                if (!key.toLowerCase().contains("time") && !key.toLowerCase().contains("ms")) {
                    assertThat(second.summary().get(key))
                            .as(key)
                            .isEqualTo(first.summary().get(key));
                }
            }
        }
    }

    @Test
    @Timeout(300)
    void trainsTheSameWhileTheGarbageCollectorRuns() throws Exception {
        // A tensor over a Java buffer that nothing holds (e.g. DJL's array.mul(0.5f) while gradients are recorded)
        // is read after the GC freed it; GarbagePressure turns that into NaN or a different curve.
        assumeThat(hasCapability(Capability.DETERMINISTIC)).isTrue();
        Run quiet = train(31);
        Run pressed;
        try (GarbagePressure pressure = GarbagePressure.start()) {
            pressed = train(31);
        }
        try (TrainedModel a = quiet.model();
                TrainedModel b = pressed.model()) {
            for (String key : a.summary().keySet()) {
                if (!key.toLowerCase().contains("time")
                        && !key.toLowerCase().contains("ms")
                        && !key.toLowerCase().contains("second")) {
                    assertThat(b.summary().get(key))
                            .as(
                                    "%s under garbage collection (a Java number in an op while "
                                            + "gradients are recorded? hold it in an array for the whole run)",
                                    key)
                            .isEqualTo(a.summary().get(key));
                }
            }
            if (hasCapability(Capability.REPORTS_LOSS)) {
                // Plugins may add points by wall-clock time, so compare the steps both runs reported.
                Map<Long, Double> expected = new HashMap<>();
                quiet.context().recorded().points("loss").forEach(p -> expected.put(p.step(), p.value()));
                List<RecordingMetricsSink.Point> common = pressed.context().recorded().points("loss").stream()
                        .filter(p -> expected.containsKey(p.step()))
                        .toList();
                assertThat(common).as("loss points at the same steps").hasSizeGreaterThan(1);
                assertThat(common)
                        .allSatisfy(p -> assertThat(p.value())
                                .as("loss at step %d under garbage collection", p.step())
                                .isEqualTo(expected.get(p.step())));
            }
        }
    }

    @Test
    @Timeout(120)
    void declaresAnEpochAxisThatMatchesItsSteps() throws Exception {
        // Charts convert between steps and epochs with the declared steps per epoch (API 1.2); a wrong declaration
        // would draw test accuracy an epoch off from the loss it belongs with.
        Run run = train(41);
        try (TrainedModel model = run.model()) {
            RecordingMetricsSink recorded = run.context().recorded();
            assertThat(recorded.reportedBothWays())
                    .as("metrics reported both per step and per epoch")
                    .isEmpty();
            List<String> perEpoch = recorded.all().keySet().stream()
                    .filter(recorded::isPerEpoch)
                    .sorted()
                    .toList();
            if (perEpoch.isEmpty()) {
                return;
            }
            assertThat(recorded.stepsPerEpoch())
                    .as("stepsPerEpoch declared by a plugin that reports %s per epoch", perEpoch)
                    .isPresent();
            long steps = recorded.stepsPerEpoch().getAsLong();
            long lastEpoch = perEpoch.stream()
                    .flatMap(n -> recorded.points(n).stream())
                    .mapToLong(RecordingMetricsSink.Point::step)
                    .max()
                    .orElseThrow();
            long lastStep = recorded.all().keySet().stream()
                    .filter(n -> !recorded.isPerEpoch(n))
                    .flatMap(n -> recorded.points(n).stream())
                    .mapToLong(RecordingMetricsSink.Point::step)
                    .max()
                    .orElse(lastEpoch * steps);
            // Plugins number a step's loss either before or after its update, so the last step may sit at either
            // end of the last epoch.
            assertThat(lastStep)
                    .as("last step reported, at %d steps per epoch and %d epochs", steps, lastEpoch)
                    .isBetween((lastEpoch - 1) * steps, lastEpoch * steps);
        }
    }

    @Test
    @Timeout(240)
    void trainsWhileAnotherExperimentTrains() throws Exception {
        // The server runs experiments concurrently; DJL's PyTorch engine allows one open GradientCollector per JVM,
        // so a plugin must record gradients through Gradients.collect, which makes concurrent runs wait for each other.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Run> first = pool.submit(() -> train(21));
            Future<Run> second = pool.submit(() -> train(22));
            try (TrainedModel a = first.get().model();
                    TrainedModel b = second.get().model()) {
                assertThat(a.summary()).isNotEmpty();
                assertThat(b.summary()).isNotEmpty();
            }
        } catch (ExecutionException e) {
            throw new AssertionError(
                    "two concurrent runs must both succeed (record gradients with Gradients.collect): " + e.getCause(),
                    e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(300)
    void trainsTheSameAlongsideATwin(@TempDir Path dir) throws Exception {
        // The server trains several experiments at once in one JVM. A run that draws from a process-wide generator
        // (Engine.setRandomSeed, the engine's dropout, randomUniform, DJL's initializers) shares it with its neighbour,
        // so its dropout masks and initial weights depend on timing. Each run must draw only from its own seed.
        assumeThat(hasCapability(Capability.DETERMINISTIC)).isTrue();
        long seed = 17;
        Run solo = train(seed, twinBudget(), () -> {});
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Run first;
        Run second;
        try {
            Future<Run> a = pool.submit(() -> train(seed, twinBudget(), () -> together.await(60, TimeUnit.SECONDS)));
            Future<Run> b = pool.submit(() -> train(seed, twinBudget(), () -> together.await(60, TimeUnit.SECONDS)));
            first = a.get();
            second = b.get();
        } catch (ExecutionException e) {
            throw new AssertionError("two runs training at once must both succeed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        try (TrainedModel alone = solo.model();
                TrainedModel a = first.model();
                TrainedModel b = second.model()) {
            if (hasCapability(Capability.REPORTS_LOSS)) {
                assertThat(solo.context().recorded().points("loss"))
                        .as("loss points of the solo run")
                        .hasSizeGreaterThan(1);
                expectSameSeries("loss", first, second, "twin 1", "twin 2");
                expectSameSeries("loss", solo, first, "solo run", "twin 1");
            }
            for (String name : new TreeSet<>(solo.context().recorded().all().keySet())) {
                if (!"loss".equals(name) && !isTiming(name)) {
                    expectSameSeries(name, first, second, "twin 1", "twin 2");
                    expectSameSeries(name, solo, first, "solo run", "twin 1");
                }
            }
            for (String key : alone.summary().keySet()) {
                if (!isTiming(key)) {
                    assertThat(a.summary().get(key))
                            .as("summary %s: twin 1 vs solo run", key)
                            .isEqualTo(alone.summary().get(key));
                    assertThat(b.summary().get(key))
                            .as("summary %s: twin 2 vs solo run", key)
                            .isEqualTo(alone.summary().get(key));
                }
            }
            if (hasCapability(Capability.PREDICTS)) {
                Prediction expected = alone.predict(ParamValues.check(alone.predictInputs(), samplePredictInput()));
                for (TrainedModel twin : List.of(a, b)) {
                    Prediction got = twin.predict(ParamValues.check(twin.predictInputs(), samplePredictInput()));
                    assertThat(got.values())
                            .as("a twin's prediction vs the solo run's")
                            .isEqualTo(expected.values());
                    assertThat(got.text())
                            .as("a twin's prediction text vs the solo run's")
                            .isEqualTo(expected.text());
                }
                alone.save(Files.createDirectory(dir.resolve("solo")));
                a.save(Files.createDirectory(dir.resolve("twin1")));
                b.save(Files.createDirectory(dir.resolve("twin2")));
                expectSameFiles(dir.resolve("solo"), dir.resolve("twin1"));
                expectSameFiles(dir.resolve("solo"), dir.resolve("twin2"));
            }
        }
    }

    private static boolean isTiming(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("time") || n.contains("ms") || n.contains("second");
    }

    /** Every reported point of one metric alike, bit for bit, naming the first step that differs. */
    private static void expectSameSeries(
            String name, Run expected, Run actual, String expectedName, String actualName) {
        List<RecordingMetricsSink.Point> want = expected.context().recorded().points(name);
        List<RecordingMetricsSink.Point> got = actual.context().recorded().points(name);
        for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
            RecordingMetricsSink.Point w = want.get(i);
            RecordingMetricsSink.Point g = got.get(i);
            if (w.step() != g.step()) {
                throw new AssertionError(String.format(
                        Locale.ROOT,
                        "%s point %d: the %s reported it at step %d, the %s at step %d",
                        name,
                        i,
                        expectedName,
                        w.step(),
                        actualName,
                        g.step()));
            }
            if (Double.doubleToLongBits(w.value()) != Double.doubleToLongBits(g.value())) {
                throw new AssertionError(String.format(
                        Locale.ROOT,
                        "%s differs at step %d (point %d): %s %s, %s %s (difference %s); a run must draw all its "
                                + "randomness from its own seed, not from the engine's process-wide generator",
                        name,
                        w.step(),
                        i,
                        expectedName,
                        w.value(),
                        actualName,
                        g.value(),
                        g.value() - w.value()));
            }
        }
        assertThat(got.size())
                .as("%s points of the %s vs the %s", name, actualName, expectedName)
                .isEqualTo(want.size());
    }

    /**
     * The same file names with the same bytes; a .properties file is compared by its entries, leaving out timings (a
     * saved summary's msPerStep) and its date comment.
     */
    private static void expectSameFiles(Path expected, Path actual) throws IOException {
        List<Path> want;
        List<Path> got;
        try (Stream<Path> a = Files.walk(expected);
                Stream<Path> b = Files.walk(actual)) {
            want = a.filter(Files::isRegularFile)
                    .map(expected::relativize)
                    .sorted()
                    .toList();
            got = b.filter(Files::isRegularFile)
                    .map(actual::relativize)
                    .sorted()
                    .toList();
        }
        assertThat(got).as("files a twin saved").isEqualTo(want);
        for (Path file : want) {
            if (file.toString().endsWith(".properties")) {
                assertThat(untimedEntries(actual.resolve(file)))
                        .as("saved %s of a twin vs the solo run", file)
                        .isEqualTo(untimedEntries(expected.resolve(file)));
            } else {
                byte[] w = Files.readAllBytes(expected.resolve(file));
                byte[] g = Files.readAllBytes(actual.resolve(file));
                assertThat(Arrays.equals(g, w))
                        .as("saved %s of a twin has the solo run's bytes (%d vs %d bytes)", file, g.length, w.length)
                        .isTrue();
            }
        }
    }

    private static Map<String, String> untimedEntries(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            properties.load(in);
        }
        Map<String, String> entries = new TreeMap<>();
        properties.stringPropertyNames().stream()
                .filter(k -> !isTiming(k))
                .forEach(k -> entries.put(k, properties.getProperty(k)));
        return entries;
    }

    @Test
    @Timeout(240)
    void createsItsTensorsOnTheContextDevice() throws Exception {
        // The server hands each run its device (cpu, gpu:0); a tensor created on any other device either fails the
        // run on a GPU or trains on the CPU without anyone knowing. Train on a device that is not the engine's default
        // (see DeviceWatch), and look at every manager and array the run holds, during the run and after it.
        LecturePlugin plugin = plugin();
        AtomicInteger calls = new AtomicInteger();
        TrainedModel model;
        DeviceWatch watch =
                DeviceWatch.start(Engine.getEngine("PyTorch").getGpuCount() > 0 ? Device.gpu(0) : Device.cpu());
        Device device = watch.device();
        try {
            FakeTrainingContext context = new FakeTrainingContext(device, budgetValues(plugin), tinyData(), 9, () -> {
                if (calls.incrementAndGet() % 10 == 1) {
                    watch.check();
                }
                return false;
            });
            try {
                model = plugin.train(context);
            } catch (Exception e) {
                throw new AssertionError(
                        "training on " + device + " failed while the engine's default device was "
                                + watch.decoy() + ": does the plugin create something without naming context.device() "
                                + "(NDManager.newBaseManager(), Model.newInstance(name))? " + e,
                        e);
            }
            try (TrainedModel trained = model) {
                watch.check();
                if (hasCapability(Capability.PREDICTS)) {
                    trained.predict(ParamValues.check(trained.predictInputs(), samplePredictInput()));
                }
                assertThat(watch.findings())
                        .as(
                                "managers and arrays of a run on %s (checked %d times, engine default "
                                        + "moved to %s)",
                                device, watch.checks(), watch.decoy())
                        .isEmpty();
                assertThat(watch.checks()).as("checks during the run").isGreaterThan(1);
            }
        } finally {
            watch.close();
        }
    }

    @Test
    @Timeout(60)
    void honoursCancellation() {
        LecturePlugin plugin = plugin();
        int cancelFrom = 4;
        AtomicInteger checks = new AtomicInteger();
        FakeTrainingContext context = new FakeTrainingContext(
                budgetValues(plugin), tinyData(), 3, () -> checks.incrementAndGet() >= cancelFrom);
        long start = System.nanoTime();
        Throwable thrown = null;
        try {
            plugin.train(context).close();
        } catch (Throwable e) {
            thrown = e;
        }
        int asked = checks.get();
        if (thrown == null) {
            throw new AssertionError(String.format(
                    Locale.ROOT,
                    "training finished although it was cancelled: isCancelled() answered true from call %d on and "
                            + "was asked %d times; a run throws TrainingCancelledException once it sees true",
                    cancelFrom,
                    asked));
        }
        if (!(thrown instanceof TrainingCancelledException)) {
            throw trainingFailed(
                    thrown,
                    asked < cancelFrom
                            ? String.format(
                                    Locale.ROOT,
                                    " before any cancellation (isCancelled() asked %d times, true from call %d)",
                                    asked,
                                    cancelFrom)
                            : String.format(
                                    Locale.ROOT,
                                    " after the cancellation (isCancelled() true from call %d, asked %d times); a "
                                            + "cancelled run throws TrainingCancelledException",
                                    cancelFrom,
                                    asked));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("time to stop")
                .isLessThan(Duration.ofSeconds(30));
        assertThat(asked).as("cancellation checks").isGreaterThanOrEqualTo(cancelFrom);
    }

    @Test
    @Timeout(180)
    void honoursPauseStepAndResume() throws Exception {
        // API 1.3: Pause stops the run at its next step boundary, Step n lets exactly n steps through, Resume ends it.
        ControlChecks.pauseStepResume(control -> trainWith(control, 13));
    }

    @Test
    @Timeout(240)
    void trainsTheSameWithAControlNobodyUses() throws Exception {
        assumeThat(hasCapability(Capability.DETERMINISTIC)).isTrue();
        assumeThat(hasCapability(Capability.REPORTS_LOSS)).isTrue();
        ControlChecks.unusedControlChangesNothing(control -> trainWith(control, 17), "loss");
    }

    @Test
    @Timeout(240)
    void honoursLiveChangesOfTheParametersItDeclaresLive() throws Exception {
        LecturePlugin plugin = plugin();
        assumeThat(plugin.liveParameters()).as("live parameters").isNotEmpty();
        assumeThat(hasCapability(Capability.DETERMINISTIC)).isTrue();
        assumeThat(hasCapability(Capability.REPORTS_LOSS)).isTrue();
        ControlChecks.liveChangesAreHonoured(plugin, budgetValues(plugin), control -> trainWith(control, 19), "loss");
    }

    private Run trainWith(dev.lectern.plugin.api.TrainingControl control, long seed) throws Exception {
        LecturePlugin plugin = plugin();
        FakeTrainingContext context = new FakeTrainingContext(
                        budgetValues(plugin, tinyBudget()), tinyData(), seed, () -> false)
                .withControl(control);
        return new Run(trainOrFail(plugin, context), context);
    }

    @Test
    @Timeout(240)
    void savedModelLoadsAndPredictsTheSame(@TempDir Path dir) throws Exception {
        assumeThat(hasCapability(Capability.PREDICTS)).isTrue();
        Run run = train(5);
        Prediction before;
        try (TrainedModel model = run.model()) {
            assertThat(model.predictInputs()).as("declared predict inputs").isNotEmpty();
            before = model.predict(ParamValues.check(model.predictInputs(), samplePredictInput()));
            model.save(dir);
        }
        try (TrainedModel loaded = plugin().load(dir, Device.cpu())) {
            Prediction after = loaded.predict(ParamValues.check(loaded.predictInputs(), samplePredictInput()));
            assertThat(after.values()).isEqualTo(before.values());
            assertThat(after.text()).isEqualTo(before.text());
        }
    }

    /**
     * (API 1.4) For a plugin that {@link LecturePlugin#checksGradients() checks gradients}: on a trained model and on
     * the same model saved and loaded, backpropagation agrees with float64 central differences on sampled entries of
     * every parameter, each within {@link dev.lectern.plugin.api.gradient.GradientCheck#TOLERANCE} relative error.
     *
     * @param dir where the model is saved
     * @throws Exception when training or saving fails
     */
    @Test
    @Timeout(240)
    void backpropagationAgreesWithFiniteDifferences(@TempDir Path dir) throws Exception {
        LecturePlugin plugin = plugin();
        assumeThat(plugin.checksGradients())
                .as("the plugin offers no gradient check (LecturePlugin.checksGradients)")
                .isTrue();
        GradientChecks.trainedAndLoadedAgree(plugin, train(29).model(), tinyData(), dir);
    }

    @Test
    void testClassFollowsTheNamingConvention() {
        assertThat(getClass().getSimpleName()).endsWith("PluginContractTest");
    }

    private ParamValues budgetValues(LecturePlugin plugin) {
        return budgetValues(plugin, tinyBudget());
    }

    private ParamValues budgetValues(LecturePlugin plugin, Map<String, Object> budget) {
        Map<String, Object> values = new HashMap<>(plugin.defaultsFor(tinyData().info()));
        values.putAll(budget);
        return ParamValues.check(plugin.hyperParameters(), values);
    }

    private static void expectRejected(List<ParamSpec> specs, String field, Object value) {
        assertThatThrownBy(() -> ParamValues.check(specs, Map.of(field, value)))
                .as("%s = %s", field, value)
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).isNotBlank();
                });
    }
}
