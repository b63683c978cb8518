package dev.lectern.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.server.store.Database;
import dev.lectern.server.store.Jdbc;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions expire after their lifetime, can be revoked, and only a hash of their id is stored. */
class SessionStoreTest {

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T10:00:00Z"));

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @Test
    void aSessionLastsItsLifetimeAndNotAMomentLonger(@TempDir Path dir) {
        try (Database database = Database.open("jdbc:h2:file:" + dir.resolve("db"))) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            MovableClock clock = new MovableClock();
            SessionStore sessions = new SessionStore(jdbc, clock);
            String id = sessions.create("user:alice");
            assertThat(sessions.subject(id)).contains("user:alice");
            assertThat(jdbc.query("SELECT id_hash FROM sessions", rs -> rs.getString(1))).doesNotContain(id)
                    .containsExactly(SessionStore.hash(id));
            clock.now.set(clock.now.get().plus(SessionStore.LIFETIME).minus(Duration.ofSeconds(1)));
            assertThat(sessions.subject(id)).isPresent();
            clock.now.set(clock.now.get().plus(Duration.ofSeconds(2)));
            assertThat(sessions.subject(id)).as("expired").isEmpty();

            String other = sessions.create("token");
            assertThat(jdbc.query("SELECT subject FROM sessions", rs -> rs.getString(1)))
                    .as("expired sessions are pruned when a new one is made").containsExactly("token");
            sessions.revoke(other);
            assertThat(sessions.subject(other)).as("revoked").isEmpty();
            assertThat(sessions.subject("forged")).isEmpty();
        }
    }
}
