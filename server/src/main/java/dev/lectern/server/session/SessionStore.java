package dev.lectern.server.session;

import dev.lectern.server.store.Jdbc;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Issues and checks session ids. Only each id's SHA-256 is stored, so the database alone signs no one in; a session
 * lasts a fixed time from its creation and survives restarts of the server.
 */
public final class SessionStore {

    /** How long a browser stays signed in after it presented the token or a password. */
    public static final Duration LIFETIME = Duration.ofDays(7);

    private final Jdbc jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * Creates the store.
     *
     * @param jdbc the database
     * @param clock the clock that dates sessions
     */
    public SessionStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Starts a session.
     *
     * @param subject who it belongs to (the token's holder, later a user)
     * @return the session id to put in the cookie
     */
    public String create(String subject) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = now();
        jdbc.update("DELETE FROM sessions WHERE expires_at < ?", now);
        jdbc.update(
                "INSERT INTO sessions (id_hash, subject, created_at, expires_at) VALUES (?, ?, ?, ?)",
                hash(id),
                subject,
                now,
                now.plus(LIFETIME));
        return id;
    }

    /**
     * Looks a session up.
     *
     * @param id the cookie's value
     * @return its subject while it has not expired or been revoked
     */
    public Optional<String> subject(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) {
            return Optional.empty();
        }
        return jdbc.queryOne(
                "SELECT subject FROM sessions WHERE id_hash = ? AND expires_at > ?",
                rs -> rs.getString(1),
                hash(id),
                now());
    }

    /**
     * Ends a session at once.
     *
     * @param id the cookie's value
     */
    public void revoke(String id) {
        if (id != null) {
            jdbc.update("DELETE FROM sessions WHERE id_hash = ?", hash(id));
        }
    }

    /**
     * Ends every session of a subject at once (a reset password, a lost laptop).
     *
     * @param subject whose sessions
     * @return how many ended
     */
    public int revokeAll(String subject) {
        return jdbc.update("DELETE FROM sessions WHERE subject = ?", subject);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    static String hash(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
