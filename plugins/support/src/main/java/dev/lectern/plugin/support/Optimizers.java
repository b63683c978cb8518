package dev.lectern.plugin.support;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;

/** The optimizers the lecture forms offer, by the names their choice parameters use. */
public final class Optimizers {

    /** Plain gradient descent. */
    public static final String SGD = "sgd";
    /** Gradient descent with momentum 0.9. */
    public static final String MOMENTUM = "momentum";
    /** Adam with DJL's defaults (β₁ 0.9, β₂ 0.999, ε 1e-8). */
    public static final String ADAM = "adam";
    /** Every name, in the order forms list them. */
    public static final List<String> NAMES = List.of(SGD, MOMENTUM, ADAM);

    private Optimizers() {}

    /**
     * Builds the optimizer a form's choice names.
     *
     * @param name one of {@link #NAMES}
     * @param rate the learning rate by update number
     * @return a new optimizer, with state of its own
     * @throws IllegalArgumentException for any other name
     */
    public static Optimizer byName(String name, Tracker rate) {
        return switch (name) {
            case SGD -> Optimizer.sgd().setLearningRateTracker(rate).build();
            case MOMENTUM ->
                Optimizer.sgd().setLearningRateTracker(rate).optMomentum(0.9f).build();
            case ADAM -> Optimizer.adam().optLearningRateTracker(rate).build();
            default -> throw new IllegalArgumentException("unknown optimizer '" + name + "'; expected one of " + NAMES);
        };
    }
}
