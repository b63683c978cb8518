package dev.lectern.plugin.api;

/** What a table column is for in training. */
public enum ColumnRole {
    /** An input of the model. */
    FEATURE,
    /** The value the model learns to predict. */
    LABEL,
    /** Kept in the data but not used for training. */
    IGNORED
}
