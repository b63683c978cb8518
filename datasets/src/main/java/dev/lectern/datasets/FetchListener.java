package dev.lectern.datasets;

/** Receives progress while a data set file is found, verified and downloaded. */
@FunctionalInterface
public interface FetchListener {

    /** A listener that ignores every event. */
    FetchListener NONE = event -> {};

    /**
     * Receives one event; called on the fetching thread, so it must return quickly.
     *
     * @param event what happened
     */
    void onEvent(FetchEvent event);
}
