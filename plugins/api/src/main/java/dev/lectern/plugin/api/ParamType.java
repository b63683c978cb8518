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
    BOOLEAN,
    /** Free text of a bounded length ({@link ParamSpec#max()} characters), such as a prompt. Since API 1.1. */
    TEXT,
    /**
     * A small picture drawn or chosen by the user, as a {@code data:image/png;base64,…} URL of at most
     * {@link ParamSpec#max()} characters; forms show a drawing canvas. Since API 1.1.
     */
    IMAGE
}
