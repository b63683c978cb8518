package dev.lectern.plugin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Sgd;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

class OptimizersTest {

    @Test
    void buildsTheNamedOptimizer() {
        Tracker rate = Tracker.fixed(0.1f);
        assertThat(Optimizers.byName("sgd", rate)).isInstanceOf(Sgd.class);
        assertThat(Optimizers.byName("momentum", rate)).isInstanceOf(Sgd.class);
        assertThat(Optimizers.byName("adam", rate)).isInstanceOf(Adam.class);
    }

    @Test
    void anUnknownNameSaysWhichOnesExist() {
        assertThatThrownBy(() -> Optimizers.byName("rmsprop", Tracker.fixed(0.1f)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rmsprop")
                .hasMessageContaining("adam");
    }
}
