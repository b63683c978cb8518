package dev.lectern.datasets;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * Copies a remote file to a local path.
 *
 * <p>Implementations only transfer bytes: the {@link DatasetResolver} hands them a fresh temporary file,
 * verifies the checksum and moves the file into the cache, so a test can swap in a fake without losing any
 * of that.
 */
@FunctionalInterface
public interface Downloader {

    /**
     * Downloads {@code source} into {@code target}, replacing its content.
     *
     * @param source the URL
     * @param target the file to write
     * @param listener receives progress
     * @throws IOException when the transfer fails, with a short message such as {@code HTTP 404}
     */
    void download(URI source, Path target, FetchListener listener) throws IOException;
}
