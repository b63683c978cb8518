package dev.lectern.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.plugin.api.TrainingCancelledException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The control a training loop waits on: exact steps, events at the right step, cancellation and the pause limit. */
class RunControlTest {

    private final List<RunEvent> events = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();

    private RunControl control(Duration limit) {
        return new RunControl(limit, stop::get, (c, e) -> {
            if (e != null) {
                events.add(e);
            }
        });
    }

    /** A loop of 1000 steps on another thread; returns the steps it finished. */
    private static Future<?> loop(ExecutorService thread, RunControl control, AtomicLong done) {
        return thread.submit(() -> {
            for (long step = 0; step < 1000; step++) {
                control.awaitStep(step);
                done.set(step + 1);
            }
            return null;
        });
    }

    private static void awaitWaiting(RunControl control, long step) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (control.waitingAt() != step && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertThat(control.waitingAt()).isEqualTo(step);
    }

    @Test
    @Timeout(30)
    void pausedFromTheStartStepsExactlyAndResumes() throws Exception {
        RunControl control = control(Duration.ofMinutes(1));
        control.pause();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            AtomicLong done = new AtomicLong();
            Future<?> training = loop(thread, control, done);
            awaitWaiting(control, 0);
            Thread.sleep(100);
            assertThat(done.get()).isZero();
            assertThat(control.step(3)).isTrue();
            awaitWaiting(control, 3);
            assertThat(done.get()).isEqualTo(3);
            control.set("learningRate", 0.1);
            assertThat(control.liveVersion()).isEqualTo(1);
            assertThat(control.liveValue("learningRate")).isEqualTo(0.1);
            control.resume();
            training.get(10, TimeUnit.SECONDS);
            assertThat(done.get()).isEqualTo(1000);
            assertThat(events).containsExactly(RunEvent.pause(0), RunEvent.step(0, 3), RunEvent.resume(3));
            assertThat(control.pausedNanos()).isPositive();
            assertThat(control.step(1)).as("step when not paused").isFalse();
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    @Timeout(30)
    void aPausedLoopStopsWhenCancelledAndWhenThePauseOutlivesItsLimit() throws Exception {
        RunControl cancelled = control(Duration.ofMinutes(1));
        cancelled.pause();
        stop.set(true);
        assertThatThrownBy(() -> cancelled.awaitStep(5)).isInstanceOf(TrainingCancelledException.class);
        assertThat(cancelled.expired()).isFalse();

        stop.set(false);
        RunControl expiring = control(Duration.ofMillis(200));
        expiring.pause();
        long start = System.nanoTime();
        assertThatThrownBy(() -> expiring.awaitStep(7)).isInstanceOf(TrainingCancelledException.class);
        assertThat(expiring.expired()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void withoutAPauseTheLoopNeverWaits() {
        RunControl control = control(Duration.ofMillis(1));
        for (long step = 0; step < 100_000; step++) {
            control.awaitStep(step);
        }
        assertThat(events).isEmpty();
        assertThat(control.pausedNanos()).isZero();
    }
}
