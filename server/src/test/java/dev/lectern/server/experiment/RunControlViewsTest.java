package dev.lectern.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.plugin.api.view.TextView;
import dev.lectern.plugin.api.view.View;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When a run is asked for its lesson pictures (API 1.4): wherever a paused run stands still, at the last single step
 * of a Step, and not at every step of a run that trains unpaused.
 */
class RunControlViewsTest {

    @Test
    void picturesAreWantedWhereAPausedRunStandsStillAndAtTheLastOfItsSingleSteps() {
        List<Long> heard = new ArrayList<>();
        RunControl control = new RunControl(Duration.ofMinutes(1), () -> false, new RunControl.Listener() {
            @Override
            public void changed(RunControl c, RunEvent event) {}

            @Override
            public void views(RunControl c, long updates, List<View> views) {
                heard.add(updates);
            }
        });
        for (long step = 0; step < 1000; step++) {
            control.awaitStep(step);
            assertThat(control.viewsDue())
                    .as("training unpaused, step %d", step)
                    .isFalse();
        }
        control.pause();
        assertThat(control.viewsDue()).as("paused: the loop will stand still").isTrue();
        control.views(1000, List.of(new TextView("W", "0.5")));
        assertThat(control.step(3)).isTrue();
        control.awaitStep(1000);
        assertThat(control.viewsDue()).as("first of three single steps").isFalse();
        control.awaitStep(1001);
        assertThat(control.viewsDue()).as("second of three single steps").isFalse();
        control.awaitStep(1002);
        assertThat(control.viewsDue()).as("last of three single steps").isTrue();
        control.views(1003, List.of());
        assertThat(heard).containsExactly(1000L, 1003L);
        control.resume();
        assertThat(control.viewsDue()).as("resumed just after drawing").isFalse();
    }
}
