package dev.lectern.plugin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import dev.lectern.plugin.api.MetricsSink;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.TrainingCancelledException;
import dev.lectern.plugin.api.TrainingContext;
import dev.lectern.plugin.api.TrainingControl;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.api.TrainingDivergedException;
import dev.lectern.plugin.api.view.TextView;
import dev.lectern.plugin.api.view.View;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class StepReporterTest {

    /** Records reported steps and progress; cancelled once {@code cancelled} is set. */
    private static final class Context implements TrainingContext {
        final List<Long> reported = new ArrayList<>();
        long done;
        long total;
        boolean cancelled;
        TrainingControl control = TrainingControl.NONE;

        @Override
        public Device device() {
            return Device.cpu();
        }

        @Override
        public long seed() {
            return 0;
        }

        @Override
        public ParamValues params() {
            return null;
        }

        @Override
        public TrainingData data() {
            return null;
        }

        @Override
        public MetricsSink metrics() {
            return (name, step, value) -> reported.add(step);
        }

        @Override
        public void progress(long done, long total) {
            this.done = done;
            this.total = total;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public TrainingControl control() {
            return control;
        }
    }

    /** A control that asks for pictures while {@code due} is set and records the updates they were drawn after. */
    private static final class Watching implements TrainingControl {
        final List<Long> shown = new ArrayList<>();
        boolean paused;
        boolean due;

        @Override
        public boolean isPaused() {
            return paused;
        }

        @Override
        public boolean viewsDue() {
            return due;
        }

        @Override
        public void views(long updates, List<View> views) {
            assertThat(views).singleElement().isEqualTo(new TextView("W", "after " + updates));
            shown.add(updates);
        }
    }

    @Test
    void reportsEveryNthStepAndTheLastByCountAlone() {
        Context context = new Context();
        StepReporter reporter =
                StepReporter.of(context, "loss", 11).every(3).alsoAtLastStep().atLeastEveryNanos(Long.MAX_VALUE);
        for (long step = 0; step < 11; step++) {
            reporter.beginStep();
            if (reporter.due(step)) {
                reporter.report(step, 1.0 / (step + 1));
            }
            reporter.endStep(step);
        }
        assertThat(context.reported).containsExactly(0L, 3L, 6L, 9L, 10L);
        assertThat(new long[] {context.done, context.total}).containsExactly(11, 11);
    }

    @Test
    void withoutTheLastStepOnlyMultiplesAndAfterTheIntervalEveryStep() throws Exception {
        StepReporter byCount = StepReporter.of(new Context(), "loss", 11).every(3);
        assertThat(LongStream.range(0, 11).filter(byCount::due).toArray()).containsExactly(0, 3, 6, 9);
        StepReporter byTime =
                StepReporter.of(new Context(), "loss", 11).every(1000).atLeastEveryNanos(1);
        Thread.sleep(1);
        assertThat(byTime.due(5)).as("due after the interval").isTrue();
    }

    @Test
    void aValueThatIsNotFiniteEndsTheRunNamingTheStep() {
        StepReporter reporter = StepReporter.of(new Context(), "loss", 10);
        assertThatThrownBy(() -> reporter.report(4, Double.NaN))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessage(new TrainingDivergedException("loss", 4).getMessage());
        assertThatThrownBy(() -> reporter.check(7, Double.POSITIVE_INFINITY))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("step 7");
    }

    @Test
    void aCancelledRunStopsAtTheNextStep() {
        Context context = new Context();
        StepReporter reporter = StepReporter.of(context, "loss", 10);
        reporter.beginStep();
        context.cancelled = true;
        assertThatThrownBy(reporter::beginStep).isInstanceOf(TrainingCancelledException.class);
    }

    @Test
    void picturesAreDrawnOnlyWhenTheControlAsksOnceForEachStateAndBeforeAPausedRunWaits() {
        Context context = new Context();
        Watching control = new Watching();
        context.control = control;
        List<Long> drawn = new ArrayList<>();
        StepReporter reporter = StepReporter.of(context, "loss", 10).liveViews(updates -> {
            drawn.add(updates);
            return List.of(new TextView("W", "after " + updates));
        });
        for (long step = 0; step < 10; step++) {
            // Paused between steps 5 and 6: the run stands still with the model after 6 updates, then single-steps.
            control.paused = step >= 6;
            control.due = step == 2 || step >= 6;
            reporter.beginStep();
            assertThat(reporter.viewsDue()).isEqualTo(control.due);
            reporter.endStep(step);
        }
        // After step 2 (3 updates), before waiting at step 6, then after each single step of the paused run, each
        // state once: the one after a single step is not drawn again when the loop stands still with it.
        assertThat(control.shown).containsExactly(3L, 6L, 7L, 8L, 9L, 10L);
        assertThat(drawn).isEqualTo(control.shown);
    }

    @Test
    void withoutPicturesNothingIsDrawnWhateverTheControlAsks() {
        Context context = new Context();
        Watching control = new Watching();
        control.due = true;
        control.paused = true;
        context.control = control;
        StepReporter reporter = StepReporter.of(context, "loss", 3);
        for (long step = 0; step < 3; step++) {
            reporter.beginStep();
            assertThat(reporter.viewsDue()).isFalse();
            reporter.endStep(step);
        }
        assertThat(control.shown).isEmpty();
    }
}
