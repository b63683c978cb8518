package dev.lectern.datasets;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

/** Short reasons for a failed fetch attempt, as they appear in a {@link DatasetUnavailableException}. */
final class FetchFailures {

    private FetchFailures() {}

    static String mismatch(String expected, String found) {
        return "checksum mismatch: expected " + expected.substring(0, 16) + "…, found " + found.substring(0, 16) + "…";
    }

    // HttpClient throws some exceptions without a message (a refused connection is a bare ConnectException).
    static String describe(Throwable e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        }
        if (e instanceof HttpTimeoutException) {
            return "timed out waiting for a response";
        }
        if (e instanceof ConnectException && e.getMessage() == null) {
            return "could not connect";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }
}
