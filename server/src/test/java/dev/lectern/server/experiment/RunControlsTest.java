package dev.lectern.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.server.Json;
import dev.lectern.server.metrics.LiveHub;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the page hears about a held run: after every Step the last control event names the step the loop waits at. */
class RunControlsTest {

    private static final Pattern WAITING_AT = Pattern.compile("\"waitingAt\":(\\d+|null)");

    @Test
    @Timeout(60)
    void theLastControlEventAfterEachStepIsTheStepTheLoopWaitsAt() throws Exception {
        LiveHub hub = new LiveHub(new Json()::write);
        AtomicReference<String> last = new AtomicReference<>();
        Thread[] training = new Thread[1];
        hub.subscribe(1, (event, json) -> {
            if (Thread.currentThread() != training[0]) {
                // A slow browser connection on the thread that asked for the step: the loop's own event, sent
                // meanwhile, must still be the last one heard.
                sleep(3);
            }
            last.set(json);
            return true;
        });
        RunControls controls = new RunControls(null, hub, Duration.ofMinutes(1));
        RunControl control = controls.open(1, () -> false);
        control.pause();
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> training[0] = new Thread(r, "training"));
        try {
            Future<?> loop = thread.submit(() -> {
                for (long step = 0; step < 100_000; step++) {
                    control.awaitStep(step);
                }
                return null;
            });
            for (long step = 1; step <= 40; step++) {
                assertThat(control.step(1)).isTrue();
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (!String.valueOf(step).equals(waitingAt(last.get())) && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                Thread.sleep(10);
                assertThat(waitingAt(last.get()))
                        .as("last event heard after step %d", step)
                        .isEqualTo(String.valueOf(step));
            }
            control.resume();
            loop.get();
        } finally {
            thread.shutdownNow();
        }
    }

    private static String waitingAt(String json) {
        if (json == null) {
            return null;
        }
        Matcher m = WAITING_AT.matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
