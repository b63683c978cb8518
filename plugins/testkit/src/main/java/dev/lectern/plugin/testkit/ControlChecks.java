package dev.lectern.plugin.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.ParamType;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingControl;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The contract's checks of the training control (API 1.3): pause, single steps, resume and live values. */
final class ControlChecks {

    /** Trains once with the tiny budget, a fixed seed and the given control. */
    @FunctionalInterface
    interface Trainer {
        LecturePluginContractTest.Run train(TrainingControl control) throws Exception;
    }

    /** How long a paused run is watched to see that it makes no progress. */
    private static final Duration STILL = Duration.ofMillis(300);

    private static final Duration WAIT = Duration.ofSeconds(60);

    private ControlChecks() {}

    /**
     * Paused from the start: waits before step 0 without progress; 3 single steps advance exactly 3; resume ends. A
     * plugin that draws lesson pictures while it trains (API 1.4) hands them over where the run stands still: before
     * step 0, and after each of the single steps.
     */
    static void pauseStepResume(Trainer trainer) throws Exception {
        ScriptedControl control = new ScriptedControl().pause().askForViews();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<LecturePluginContractTest.Run> training = thread.submit(() -> trainer.train(control));
            long at = control.awaitWaiting(WAIT);
            assertThat(at)
                    .as("step a run paused from the start waits before (TrainingControl.awaitStep at each step "
                            + "boundary, as StepReporter.beginStep does)")
                    .isEqualTo(0);
            Thread.sleep(STILL.toMillis());
            assertThat(control.waitingAt()).as("a paused run stays where it is").isEqualTo(0);
            assertThat(control.awaited()).as("steps awaited while paused").containsExactly(0L);
            boolean draws = !control.viewsAt().isEmpty();
            if (draws) {
                assertThat(control.viewsAt())
                        .as("updates of the pictures a run paused from the start drew before waiting")
                        .containsExactly(0L);
                assertThat(control.lastViews())
                        .as("pictures of the model before step 0")
                        .isNotEmpty();
            }

            control.step(3);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (control.waitingAt() != 3 && !training.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(control.waitingAt())
                    .as("where the run waits after 3 single steps (awaited %s)", control.awaited())
                    .isEqualTo(3);
            Thread.sleep(STILL.toMillis());
            assertThat(control.awaited())
                    .as("steps awaited after 3 single steps")
                    .containsExactly(0L, 1L, 2L, 3L);
            if (draws) {
                assertThat(control.viewsAt())
                        .as("updates of the pictures drawn after each single step")
                        .containsExactly(0L, 1L, 2L, 3L);
            }
            control.resume();
            LecturePluginContractTest.Run run = training.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            try (TrainedModel model = run.model()) {
                long[] progress = run.context().lastProgress();
                assertThat(progress[0])
                        .as("progress at the end of a resumed run")
                        .isEqualTo(progress[1]);
                assertThat(control.awaited().get(control.awaited().size() - 1))
                        .as("last step awaited")
                        .isGreaterThan(3L);
            }
        } finally {
            control.cancel();
            thread.shutdownNow();
        }
    }

    /**
     * A control that is consulted but never used trains exactly as {@link TrainingControl#NONE}: the same losses, even
     * when it asks for the lesson pictures at every step (drawing them must not change the training).
     */
    static void unusedControlChangesNothing(Trainer trainer, String metric) throws Exception {
        LecturePluginContractTest.Run plain = trainer.train(TrainingControl.NONE);
        ScriptedControl idle = new ScriptedControl().askForViews();
        LecturePluginContractTest.Run held = trainer.train(idle);
        try (TrainedModel a = plain.model();
                TrainedModel b = held.model()) {
            assertThat(idle.awaited())
                    .as("steps the loop awaited (TrainingControl.awaitStep)")
                    .isNotEmpty();
            Map<Long, Double> expected = losses(plain, metric);
            Map<Long, Double> got = losses(held, metric);
            expected.keySet().retainAll(got.keySet());
            assertThat(expected).as("%s points at common steps", metric).isNotEmpty();
            expected.forEach((step, value) -> assertThat(got.get(step))
                    .as("%s at step %d with an unused control", metric, step)
                    .isEqualTo(value));
        }
    }

    /**
     * Each live parameter: changed at step 2, the loop reports it applied at step 2, the losses up to step 2 stay as
     * they were, and a later one differs.
     */
    static void liveChangesAreHonoured(LecturePlugin plugin, ParamValues budget, Trainer trainer, String metric)
            throws Exception {
        LecturePluginContractTest.Run plain = trainer.train(TrainingControl.NONE);
        try (TrainedModel baseline = plain.model()) {
            Map<Long, Double> before = losses(plain, metric);
            for (String name : plugin.liveParameters()) {
                ParamSpec spec = plugin.hyperParameters().stream()
                        .filter(s -> s.name().equals(name))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("live parameter '" + name + "' is not a hyperparameter"));
                assertThat(spec.type()).as("type of live parameter %s", name).isIn(ParamType.DOUBLE, ParamType.INT);
                double current = ((Number) budget.asMap().get(name)).doubleValue();
                Object changed = changedValue(spec, current);
                long at = 2;
                ScriptedControl control = new ScriptedControl().setAt(at, name, changed);
                LecturePluginContractTest.Run run = trainer.train(control);
                try (TrainedModel model = run.model()) {
                    assertThat(control.appliedChanges())
                            .as("changes the loop reported (TrainingControl.applied)")
                            .hasSize(1);
                    ScriptedControl.Applied applied = control.appliedChanges().get(0);
                    assertThat(applied.name()).isEqualTo(name);
                    assertThat(applied.step()).as("step the change applied at").isEqualTo(at);
                    assertThat(((Number) applied.from()).doubleValue())
                            .as("from")
                            .isEqualTo(current);
                    assertThat(((Number) applied.to()).doubleValue())
                            .as("to")
                            .isEqualTo(((Number) changed).doubleValue());
                    Map<Long, Double> after = losses(run, metric);
                    boolean differs = false;
                    for (Map.Entry<Long, Double> e : after.entrySet()) {
                        Double was = before.get(e.getKey());
                        if (was == null) {
                            continue;
                        }
                        if (e.getKey() <= at) {
                            assertThat(e.getValue())
                                    .as(
                                            "%s at step %d, before the change of %s at step %d",
                                            metric, e.getKey(), name, at)
                                    .isEqualTo(was);
                        } else if (!was.equals(e.getValue())) {
                            differs = true;
                        }
                    }
                    assertThat(differs)
                            .as("%s changes after %s went from %s to %s at step %d", metric, name, current, changed, at)
                            .isTrue();
                }
            }
        }
    }

    private static Object changedValue(ParamSpec spec, double current) {
        for (double factor : new double[] {0.1, 2, 0.5, 10}) {
            Object candidate = spec.type() == ParamType.INT
                    ? (Object) (int) Math.round(current * factor)
                    : (Object) (current * factor);
            try {
                Object parsed = spec.parse(candidate);
                if (((Number) parsed).doubleValue() != current) {
                    return parsed;
                }
            } catch (InvalidParameterException outOfRange) {
                // try the next factor
            }
        }
        throw new AssertionError("no other valid value of live parameter " + spec.name() + " near " + current);
    }

    private static Map<Long, Double> losses(LecturePluginContractTest.Run run, String metric) {
        Map<Long, Double> points = new HashMap<>();
        List<RecordingMetricsSink.Point> list = run.context().recorded().points(metric);
        list.forEach(p -> points.put(p.step(), p.value()));
        return points;
    }
}
