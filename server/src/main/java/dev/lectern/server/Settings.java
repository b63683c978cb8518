package dev.lectern.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The server's settings, each from a {@code --flag} or a {@code LECTERN_*} environment variable.
 *
 * @param port the HTTP port (7070)
 * @param host the address to bind (127.0.0.1)
 * @param dataDir where the database, artifacts and caches live (./data)
 * @param jdbcUrl the database URL (an H2 file in the data directory)
 * @param datasetMirror a directory holding data set files, tried before the cache and downloads
 * @param pluginsDir the directory of third-party plugin jars (data/plugins)
 * @param concurrency how many experiments train at once (1)
 * @param device the default device: cpu, gpu, gpu:N or auto (auto)
 * @param token the access token, required when binding to a non-loopback address
 * @param timeLimit the longest an experiment may train before it is stopped and marked FAILED (24h)
 * @param maxUploadMb the largest data set file a person may upload, in MiB (20)
 * @param datasetCacheDir where fetched data set files are kept (data/datasets); several installations may share one
 * @param publicUrl the address people open when it is not the bound one (a proxy's), if any
 * @param allowedHosts the names a request's {@code Host} may carry; anything else is refused before routing, so a
 *     DNS-rebinding page reads nothing
 * @param maxQueued the most runs that may wait in the queue at once (500); a sweep counts every combination
 * @param maxRunExamples the most examples one run may pass over, epochs x rows, where both are known (20 000 000)
 * @param accounts whether people sign in (teacher and student accounts); required beyond loopback unless a token is set
 * @param maxQueuedPerUser the most runs one account may have waiting at once (20)
 * @param pauseLimit the longest a run may stay paused, counted from its last Pause or Step; then it is CANCELLED with
 *     the reason (30m). A paused run's time does not count against {@code timeLimit}
 * @param name this node's name among the nodes sharing one database: shown on the workers page and on each run it
 *     trains (the machine's host name)
 * @param workerTimeout how long a training node may stay silent before its runs are INTERRUPTED (30s)
 */
public record Settings(
        int port,
        String host,
        Path dataDir,
        String jdbcUrl,
        Optional<Path> datasetMirror,
        Path pluginsDir,
        int concurrency,
        String device,
        Optional<String> token,
        Duration timeLimit,
        int maxUploadMb,
        Path datasetCacheDir,
        Optional<String> publicUrl,
        List<String> allowedHosts,
        int maxQueued,
        long maxRunExamples,
        boolean accounts,
        int maxQueuedPerUser,
        Duration pauseLimit,
        String name,
        Duration workerTimeout) {

    /** Whether the store is a PostgreSQL server, which workers on other machines can share. */
    public boolean sharedStore() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /** Returns the directory for experiment artifacts. */
    public Path artifactsDir() {
        return dataDir.resolve("artifacts");
    }

    /** Returns the directory for uploaded data set files. */
    public Path uploadsDir() {
        return dataDir.resolve("uploads");
    }

    /** Returns the upload limit in bytes. */
    public long maxUploadBytes() {
        return maxUploadMb * 1024L * 1024L;
    }

    /** Returns the URL a person opens. */
    public String url() {
        if (publicUrl.isPresent()) {
            return publicUrl.get();
        }
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : shownHost) + ":" + port + "/";
    }
}
