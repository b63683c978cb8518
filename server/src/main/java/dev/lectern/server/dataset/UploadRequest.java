package dev.lectern.server.dataset;

import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.server.access.Viewer;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Takes a multipart upload ({@code file}, optional {@code name} and {@code label}) from a request without ever
 * holding it in memory whole: a declared length over the limit is refused before any of the body is read, and
 * Jetty's multipart parser (configured in {@code HttpServer} with the same limit) spools the file part to disk and
 * stops at the cap when no length is declared.
 *
 * @param name the name field as typed, or empty
 * @param label the label field as typed, or empty
 * @param kind the kind chosen, {@code table} or {@code text}
 */
record UploadRequest(String name, String label, String kind) {

    /** Names the form fields for re-showing the form; empty when the body was not read. */
    static UploadRequest fields(Context ctx) {
        try {
            return new UploadRequest(
                    text(ctx.formParam("name")),
                    text(ctx.formParam("label")),
                    "text".equals(ctx.formParam("kind")) ? "text" : "table");
        } catch (RuntimeException unreadable) {
            return new UploadRequest("", "", "table");
        }
    }

    /**
     * Reads, checks, stores and registers the upload.
     *
     * @param ctx the request
     * @param uploads where uploads go
     * @return the stored upload
     * @throws UploadTooLargeException when the request or the file is over the limit
     * @throws dev.lectern.datasets.load.DatasetFormatException when the file is not a numeric table
     * @throws InvalidParameterException on {@code file}, {@code name} or {@code label}
     */
    static UploadedDataset accept(Context ctx, DatasetUploads uploads) throws IOException {
        if (ctx.req().getContentLengthLong() > uploads.maxBytes() + DatasetUploads.MULTIPART_SLACK) {
            throw new UploadTooLargeException(uploads.maxBytes());
        }
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new InvalidParameterException("file", "send the file as multipart/form-data, in a part named 'file'");
        }
        UploadedFile file;
        String name;
        String label;
        String kind;
        try {
            file = ctx.uploadedFile("file");
            name = ctx.formParam("name");
            label = ctx.formParam("label");
            kind = ctx.formParam("kind");
        } catch (Exception e) {
            // Jetty reports a multipart body over its configured cap as an IllegalStateException ("... exceeds ...").
            if (tooLarge(e)) {
                throw new UploadTooLargeException(uploads.maxBytes());
            }
            throw new InvalidParameterException("file", "the upload could not be read: " + reason(e));
        }
        if (file == null
                || (file.size() == 0
                        && (file.filename() == null || file.filename().isBlank()))) {
            throw new InvalidParameterException("file", "choose a CSV or text file to upload");
        }
        try (InputStream content = file.content()) {
            return uploads.upload(
                    content, file.filename(), name, label, kind, Viewer.of(ctx).name());
        }
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("exceeds max")) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
