package dev.lectern.web.page;

/**
 * The upload form with what was typed and what was wrong with it.
 *
 * @param name the name typed
 * @param label the label column typed
 * @param fileError the problem with the file, empty when none
 * @param nameError the problem with the name, empty when none
 * @param labelError the problem with the label choice, empty when none
 * @param maxSize the size limit for people, such as {@code 20 MB}
 * @param maxBytes the size limit in bytes, for the script's check before sending
 * @param kind {@code table} or {@code text}, as chosen
 */
public record DatasetUploadForm(
        String name,
        String label,
        String fileError,
        String nameError,
        String labelError,
        String maxSize,
        long maxBytes,
        String kind) {

    /** Tells whether the upload was chosen to be plain text. */
    public boolean text() {
        return "text".equals(kind);
    }

    /**
     * Returns an empty form.
     *
     * @param maxSize the size limit for people
     * @param maxBytes the size limit in bytes
     * @return the form
     */
    public static DatasetUploadForm empty(String maxSize, long maxBytes) {
        return new DatasetUploadForm("", "", "", "", "", maxSize, maxBytes, "table");
    }
}
