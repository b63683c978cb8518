package dev.lectern.plugin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import dev.lectern.plugin.api.MetricsSink;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.TrainingCancelledException;
import dev.lectern.plugin.api.TrainingContext;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.api.TrainingDivergedException;
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
}
