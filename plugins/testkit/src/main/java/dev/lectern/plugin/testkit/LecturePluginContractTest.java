package dev.lectern.plugin.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import ai.djl.Device;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
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
     * Returns the factor by which a short run must lower the loss: last loss below factor x first loss.
     *
     * @return a factor in (0, 1)
     */
    protected double requiredLossDrop() {
        return 0.9;
    }

    /**
     * Trains with the tiny budget and a seed.
     *
     * @param seed the run's seed
     * @return the model with the context it recorded into
     * @throws Exception when training fails
     */
    protected final Run train(long seed) throws Exception {
        LecturePlugin plugin = plugin();
        FakeTrainingContext context = new FakeTrainingContext(budgetValues(plugin), tinyData(), seed, () -> false);
        return new Run(plugin.train(context), context);
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
        assertThat(found).as("META-INF/services/%s lists %s", LecturePlugin.class.getName(), type.getName()).isTrue();
    }

    @Test
    void descriptorIsComplete() {
        PluginDescriptor d = plugin().descriptor();
        assertThat(d.version()).as("version").matches(SEMVER);
        assertThat(PluginApi.major(d.apiVersion())).as("API major version").isEqualTo(PluginApi.major(PluginApi.VERSION));
        assertThat(d.formulas()).as("lecture formulas").isNotEmpty();
        assertThat(plugin().datasetKinds()).as("accepted data set kinds").isNotEmpty();
    }

    @Test
    void declaresUsableHyperParameters() {
        List<ParamSpec> specs = plugin().hyperParameters();
        assertThat(specs).isNotEmpty();
        assertThat(new HashSet<>(specs.stream().map(ParamSpec::name).toList())).as("unique names").hasSize(specs.size());
        for (ParamSpec spec : specs) {
            assertThat(spec.name()).as("name of %s", spec.name()).matches(CAMEL_CASE);
            assertThat(spec.help()).as("help of %s", spec.name()).isNotBlank();
        }
        ParamValues defaults = ParamValues.check(specs, Map.of());
        assertThat(defaults.asMap()).containsOnlyKeys(specs.stream().map(ParamSpec::name).toArray(String[]::new));
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
    void shortRunLowersTheLoss() throws Exception {
        assumeThat(hasCapability(Capability.REPORTS_LOSS)).isTrue();
        Run run = train(7);
        try (TrainedModel model = run.model()) {
            List<RecordingMetricsSink.Point> loss = run.context().recorded().points("loss");
            assertThat(loss).as("reported loss points").hasSizeGreaterThan(1);
            assertThat(loss).allSatisfy(p -> assertThat(p.value()).isFinite());
            double first = loss.get(0).value();
            double last = loss.get(loss.size() - 1).value();
            assertThat(last).as("last loss vs first loss %s", first).isLessThan(first * requiredLossDrop());
            assertThat(model.summary()).as("summary").isNotEmpty();
            assertThat(model.summary().values()).allSatisfy(v -> assertThat(v).isFinite());
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
        try (TrainedModel first = a.model(); TrainedModel second = b.model()) {
            assertThat(second.summary().keySet()).isEqualTo(first.summary().keySet());
            for (String key : first.summary().keySet()) {
                if (!key.toLowerCase().contains("time") && !key.toLowerCase().contains("ms")) {
                    assertThat(second.summary().get(key)).as(key).isEqualTo(first.summary().get(key));
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
        try (TrainedModel a = quiet.model(); TrainedModel b = pressed.model()) {
            for (String key : a.summary().keySet()) {
                if (!key.toLowerCase().contains("time") && !key.toLowerCase().contains("ms")
                        && !key.toLowerCase().contains("second")) {
                    assertThat(b.summary().get(key)).as("%s under garbage collection (a Java number in an op while "
                            + "gradients are recorded? hold it in an array for the whole run)", key)
                            .isEqualTo(a.summary().get(key));
                }
            }
            if (hasCapability(Capability.REPORTS_LOSS)) {
                // Plugins may add points by wall-clock time, so compare the steps both runs reported.
                Map<Long, Double> expected = new HashMap<>();
                quiet.context().recorded().points("loss").forEach(p -> expected.put(p.step(), p.value()));
                List<RecordingMetricsSink.Point> common = pressed.context().recorded().points("loss").stream()
                        .filter(p -> expected.containsKey(p.step())).toList();
                assertThat(common).as("loss points at the same steps").hasSizeGreaterThan(1);
                assertThat(common).allSatisfy(p -> assertThat(p.value()).as("loss at step %d under garbage collection",
                        p.step()).isEqualTo(expected.get(p.step())));
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
            assertThat(recorded.reportedBothWays()).as("metrics reported both per step and per epoch").isEmpty();
            List<String> perEpoch = recorded.all().keySet().stream().filter(recorded::isPerEpoch).sorted().toList();
            if (perEpoch.isEmpty()) {
                return;
            }
            assertThat(recorded.stepsPerEpoch()).as("stepsPerEpoch declared by a plugin that reports %s per epoch",
                    perEpoch).isPresent();
            long steps = recorded.stepsPerEpoch().getAsLong();
            long lastEpoch = perEpoch.stream().flatMap(n -> recorded.points(n).stream())
                    .mapToLong(RecordingMetricsSink.Point::step).max().orElseThrow();
            long lastStep = recorded.all().keySet().stream().filter(n -> !recorded.isPerEpoch(n))
                    .flatMap(n -> recorded.points(n).stream()).mapToLong(RecordingMetricsSink.Point::step).max()
                    .orElse(lastEpoch * steps);
            // Plugins number a step's loss either before or after its update, so the last step may sit at either
            // end of the last epoch.
            assertThat(lastStep).as("last step reported, at %d steps per epoch and %d epochs", steps, lastEpoch)
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
            try (TrainedModel a = first.get().model(); TrainedModel b = second.get().model()) {
                assertThat(a.summary()).isNotEmpty();
                assertThat(b.summary()).isNotEmpty();
            }
        } catch (ExecutionException e) {
            throw new AssertionError("two concurrent runs must both succeed (record gradients with Gradients.collect): "
                    + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(60)
    void honoursCancellation() {
        LecturePlugin plugin = plugin();
        AtomicInteger checks = new AtomicInteger();
        FakeTrainingContext context = new FakeTrainingContext(
                budgetValues(plugin), tinyData(), 3, () -> checks.incrementAndGet() > 3);
        long start = System.nanoTime();
        assertThatThrownBy(() -> plugin.train(context).close()).isInstanceOf(TrainingCancelledException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to stop").isLessThan(Duration.ofSeconds(30));
        assertThat(checks.get()).as("cancellation checks").isGreaterThan(3);
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

    @Test
    void testClassFollowsTheNamingConvention() {
        assertThat(getClass().getSimpleName()).endsWith("PluginContractTest");
    }

    private ParamValues budgetValues(LecturePlugin plugin) {
        Map<String, Object> values = new HashMap<>(plugin.defaultsFor(tinyData().info()));
        values.putAll(tinyBudget());
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
