package dev.lectern.plugin.api.view;

/** How a series is drawn. */
public enum SeriesStyle {
    /** Separate markers, for data points. */
    POINTS,
    /** A connected line, for fitted curves and histories. */
    LINE
}
