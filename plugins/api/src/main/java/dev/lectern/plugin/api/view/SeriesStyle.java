package dev.lectern.plugin.api.view;

/** How a series is drawn. */
public enum SeriesStyle {
    /** Separate markers, for data points. */
    POINTS,
    /** A connected line, for fitted curves and histories. */
    LINE,
    /**
     * An arrow from the first point to the last, for a vector such as one gradient-descent update; drawn as a line
     * where arrows are not drawn. Since API 1.4.
     */
    ARROW
}
