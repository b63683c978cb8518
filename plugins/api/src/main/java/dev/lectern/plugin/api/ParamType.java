package dev.lectern.plugin.api;

/** The value types a declared parameter can take. */
public enum ParamType {
    /** A whole number within an optional range. */
    INT,
    /** A finite decimal number within an optional range. */
    DOUBLE,
    /** One of a fixed list of strings. */
    CHOICE,
    /** True or false. */
    BOOLEAN
}
