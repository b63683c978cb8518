package dev.lectern.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.server.store.Database;
import dev.lectern.server.store.Jdbc;
import dev.lectern.server.testing.StoreTest;
import dev.lectern.server.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** Sessions expire, are revoked, and only their hashes are stored, on H2 and PostgreSQL. */
class SessionStoreTest {

    /** A clock the test moves; dated in a zone other than UTC, as a server's might be. */
    private static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-05-01T12:00:00Z"));

        @Override
        public ZoneId getZone() {
            return ZoneOffset.ofHours(2);
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @StoreTest
    void sessionsLastTheirLifetimeAndCanBeRevoked(TestDatabase db) {
        try (Database database = db.open()) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            MovableClock clock = new MovableClock();
            SessionStore sessions = new SessionStore(jdbc, clock);
            String alice = sessions.create("alice");
            String bob = sessions.create("bob");
            assertThat(sessions.subject(alice)).hasValue("alice");
            assertThat(sessions.subject(bob)).hasValue("bob");
            assertThat(sessions.subject("unknown")).isEmpty();
            assertThat(sessions.subject(null)).isEmpty();
            assertThat(jdbc.query("SELECT id_hash FROM sessions", rs -> rs.getString(1)))
                    .containsExactlyInAnyOrder(SessionStore.hash(alice), SessionStore.hash(bob))
                    .doesNotContain(alice, bob);

            sessions.revoke(bob);
            assertThat(sessions.subject(bob)).isEmpty();

            clock.now.set(clock.now.get().plus(SessionStore.LIFETIME).minusSeconds(1));
            assertThat(sessions.subject(alice)).as("a second before it ends").hasValue("alice");
            clock.now.set(clock.now.get().plus(Duration.ofSeconds(2)));
            assertThat(sessions.subject(alice)).as("after its lifetime").isEmpty();
            String carol = sessions.create("carol");
            assertThat(jdbc.query("SELECT subject FROM sessions", rs -> rs.getString(1)))
                    .as("expired rows pruned when a session is made")
                    .containsExactly("carol");
            assertThat(sessions.subject(carol)).hasValue("carol");
        }
    }
}
