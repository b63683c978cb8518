package dev.lectern.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Downloads over HTTP(S) with {@link HttpClient}, following redirects and refusing oversized bodies. */
public final class HttpDownloader implements Downloader {

    /** The largest body accepted by default, far above any lecture data set, against endless responses. */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;

    private static final int PROGRESS_STEP = 256 * 1024;

    private final HttpClient client;
    private final Duration responseTimeout;
    private final long maxBytes;

    /** Creates a downloader with a 10 s connect timeout, a 60 s response timeout and a 1 GiB limit. */
    public HttpDownloader() {
        this(Duration.ofSeconds(10), Duration.ofSeconds(60), DEFAULT_MAX_BYTES);
    }

    /**
     * Creates a downloader.
     *
     * @param connectTimeout how long to wait for a connection
     * @param responseTimeout how long to wait for the response headers
     * @param maxBytes the largest body accepted
     */
    public HttpDownloader(Duration connectTimeout, Duration responseTimeout, long maxBytes) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.responseTimeout = responseTimeout;
        this.maxBytes = maxBytes;
    }

    @Override
    public void download(URI source, Path target, FetchListener listener) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(source)
                .timeout(responseTimeout)
                .header("User-Agent", "lectern-datasets")
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (total > maxBytes) {
                throw new IOException("too large: " + total + " bytes");
            }
            listener.onEvent(new FetchEvent("downloading " + source, 0, total));
            try (OutputStream out = Files.newOutputStream(target)) {
                copy(body, out, source, total, listener);
            }
        }
    }

    private void copy(InputStream body, OutputStream out, URI source, long total, FetchListener listener)
            throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long done = 0;
        long reported = 0;
        for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
            done += n;
            if (done > maxBytes) {
                throw new IOException("too large: more than " + maxBytes + " bytes");
            }
            out.write(buffer, 0, n);
            if (done - reported >= PROGRESS_STEP) {
                reported = done;
                listener.onEvent(new FetchEvent("downloading " + source, done, total));
            }
        }
        listener.onEvent(new FetchEvent("downloaded " + source, done, total));
    }
}
