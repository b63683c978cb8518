package dev.lectern.server.dataset;

import java.util.Locale;

/** An upload over the size limit; answered with 413 before the rest of the body is read. */
public class UploadTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param limitBytes the limit
     */
    public UploadTooLargeException(long limitBytes) {
        super("the file is larger than the upload limit of " + megabytes(limitBytes)
                + " (the server's --max-upload-mb setting)");
    }

    static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb == Math.rint(mb) ? (long) mb + " MB" : String.format(Locale.ROOT, "%.1f MB", mb);
    }
}
