package dev.lectern.plugin.api;

/** What a data set's label column holds, as {@link DataFacts} tells it. Since API 1.4. */
public enum LabelKind {
    /** Every label is 0 or 1, and both occur: a two-class problem such as admitted / not admitted. */
    BINARY,
    /**
     * Every label is a whole number and there are few distinct ones (at most {@link DataFacts#MAX_CLASSES}, and on
     * average at least two rows each): class indices, such as the zoo's animal types 0 to 6.
     */
    CLASSES,
    /** Any other numbers, such as a profit in dollars. */
    CONTINUOUS,
    /** The data set has no label column, such as a text. */
    NONE,
    /** The facts are not known, for example for a data set described before API 1.4. */
    UNKNOWN
}
