package dev.lectern.server.worker;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One training node as the shared store knows it.
 *
 * @param name its name (setting {@code --name}), unique among live nodes
 * @param host the machine it runs on
 * @param devices the devices it trains on, such as {@code cpu} and {@code gpu:0}
 * @param plugins the plugins it has, each as {@code id@version}
 * @param concurrency how many runs it trains at once
 * @param startedAt when it started
 * @param lastSeen its last heartbeat, in the database's clock
 * @param stoppedAt when it stopped cleanly, empty while it runs (or after a crash)
 */
public record WorkerInfo(
        String name,
        String host,
        List<String> devices,
        List<String> plugins,
        int concurrency,
        Instant startedAt,
        Instant lastSeen,
        Optional<Instant> stoppedAt) {

    /** Copies the lists. */
    public WorkerInfo {
        devices = List.copyOf(devices);
        plugins = List.copyOf(plugins);
    }

    /** Whether it has a GPU. */
    public boolean hasGpu() {
        return devices.stream().anyMatch(d -> d.startsWith("gpu"));
    }

    /**
     * Whether it is alive: not stopped and heard from recently.
     *
     * @param now the database's clock now
     * @param timeout how long a silent node still counts as alive
     * @return true when alive
     */
    public boolean alive(Instant now, java.time.Duration timeout) {
        return stoppedAt.isEmpty() && !lastSeen.isBefore(now.minus(timeout));
    }
}
