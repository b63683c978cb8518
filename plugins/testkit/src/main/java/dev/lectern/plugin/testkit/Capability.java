package dev.lectern.plugin.testkit;

/** Optional behaviours a plugin may lack; the contract test skips checks of capabilities a plugin denies. */
public enum Capability {
    /** The trained model answers {@code predict}. */
    PREDICTS,
    /** The plugin reports a metric named {@code loss}. */
    REPORTS_LOSS,
    /** Two runs with the same seed and parameters give the same summary. */
    DETERMINISTIC
}
