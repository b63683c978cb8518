package dev.lectern.plugin.api;

/** The shapes of data a plugin can train on. */
public enum DatasetKind {
    /** Numeric columns with feature and label roles, such as the Coursera ex1 and ex2 tables. */
    TABLE,
    /** Labelled images, such as MNIST. */
    IMAGES,
    /** A character stream, such as "hello" or Shakespeare. */
    TEXT,
    /** Rows ordered in time, forecast from past windows, such as daily stock prices. */
    TIME_SERIES
}
