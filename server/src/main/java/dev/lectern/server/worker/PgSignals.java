package dev.lectern.server.worker;

import dev.lectern.server.store.Jdbc;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's LISTEN/NOTIFY between nodes: a worker's live events to the web node, and "a run was queued" to the
 * workers, so neither waits for a poll. One connection of its own listens; it reconnects (every second, then less
 * often) while the database restarts, and what was sent meanwhile is lost, as a live event may be: the points
 * themselves are in the database, and a page reload shows them.
 */
public final class PgSignals implements AutoCloseable {

    /** Live events of runs: {@code node <tab> run id <tab> event <tab> JSON}. */
    public static final String LIVE = "lectern_live";
    /** A control request for a run another node trains: {@link ClusterNode}'s JSON with the run and its worker. */
    public static final String CONTROL = "lectern_control";
    /** A run was queued: the payload is its id. */
    public static final String QUEUE = "lectern_queue";
    /** The longest payload PostgreSQL takes is 8000 bytes; events are split well below it. */
    static final int MAX_PAYLOAD = 7000;

    private static final Logger LOG = LoggerFactory.getLogger(PgSignals.class);

    private final String url;
    private final Jdbc jdbc;
    private final Map<String, Consumer<String>> handlers;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection listening;

    private PgSignals(String url, Jdbc jdbc, Map<String, Consumer<String>> handlers) {
        this.url = url;
        this.jdbc = jdbc;
        this.handlers = Map.copyOf(handlers);
        this.thread = new Thread(this::listen, "lectern-pg-listen");
        this.thread.setDaemon(true);
    }

    /**
     * Starts listening.
     *
     * @param url the PostgreSQL JDBC URL, user and password included
     * @param jdbc the pooled store, for sending
     * @param handlers what to do with each channel's payloads; empty to only send
     * @return the started signals
     */
    public static PgSignals start(String url, Jdbc jdbc, Map<String, Consumer<String>> handlers) {
        PgSignals signals = new PgSignals(url, jdbc, handlers);
        if (!handlers.isEmpty()) {
            signals.thread.start();
        }
        return signals;
    }

    /**
     * Sends a payload on a channel; a failure (the database restarting) is logged, not thrown.
     *
     * @param channel the channel
     * @param payload the payload, at most {@link #MAX_PAYLOAD} characters
     * @return whether it was sent
     */
    public boolean send(String channel, String payload) {
        try {
            jdbc.query("SELECT pg_notify(?, ?)", rs -> 1, channel, payload);
            return true;
        } catch (RuntimeException e) {
            LOG.debug("notify on {} not sent: {}", channel, e.toString());
            return false;
        }
    }

    private void listen() {
        long backoff = 1000;
        while (!closed) {
            try (Connection c = DriverManager.getConnection(url)) {
                listening = c;
                try (Statement s = c.createStatement()) {
                    for (String channel : handlers.keySet()) {
                        s.execute("LISTEN " + channel);
                    }
                }
                backoff = 1000;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notes = pg.getNotifications(500);
                    if (notes == null) {
                        continue;
                    }
                    for (PGNotification note : notes) {
                        Consumer<String> handler = handlers.get(note.getName());
                        if (handler != null) {
                            try {
                                handler.accept(note.getParameter());
                            } catch (RuntimeException e) {
                                LOG.warn("signal on {} not handled: {}", note.getName(), e.toString());
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                if (closed) {
                    return;
                }
                LOG.warn("listening to the database failed ({}); trying again in {} s", e.getMessage(), backoff / 1000);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection c = listening;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // Closing anyway.
            }
        }
        thread.interrupt();
    }
}
