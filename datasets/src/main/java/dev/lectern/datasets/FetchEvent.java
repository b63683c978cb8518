package dev.lectern.datasets;

/**
 * One step of fetching a data set file, for a log line or a progress bar.
 *
 * @param message what is happening, such as {@code downloading https://…}
 * @param bytes bytes transferred so far, 0 when nothing is being transferred
 * @param totalBytes the expected size, or -1 when unknown
 */
public record FetchEvent(String message, long bytes, long totalBytes) {

    /**
     * Creates an event that carries only a message.
     *
     * @param message what is happening
     * @return the event
     */
    public static FetchEvent message(String message) {
        return new FetchEvent(message, 0, -1);
    }

    /**
     * Returns the fraction done.
     *
     * @return a value in [0, 1], or -1 when the total is unknown
     */
    public double fraction() {
        return totalBytes > 0 ? Math.min(1.0, (double) bytes / totalBytes) : -1;
    }
}
