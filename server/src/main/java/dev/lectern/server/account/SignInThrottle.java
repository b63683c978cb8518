package dev.lectern.server.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after a few failed sign-ins for one name (or from one address) within a window,
 * further tries are refused until the window has passed. Kept in memory: a restart forgets it, which costs an
 * attacker a restart of the server per few guesses.
 */
public final class SignInThrottle {

    static final Duration WINDOW = Duration.ofMinutes(5);

    private final Clock clock;
    private final int maxFailures;
    private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    /**
     * Creates the throttle.
     *
     * @param clock the clock
     * @param maxFailures failures within the window that make a key wait
     */
    public SignInThrottle(Clock clock, int maxFailures) {
        this.clock = clock;
        this.maxFailures = maxFailures;
    }

    /**
     * How long a key must wait before it may try again.
     *
     * @param key a user name or an address
     * @return zero when it may try now
     */
    public Duration waitFor(String key) {
        Deque<Instant> list = failures.get(key);
        if (list == null) {
            return Duration.ZERO;
        }
        synchronized (list) {
            Instant now = clock.instant();
            while (!list.isEmpty() && list.peekFirst().plus(WINDOW).isBefore(now)) {
                list.pollFirst();
            }
            return list.size() < maxFailures
                    ? Duration.ZERO
                    : Duration.between(now, list.peekFirst().plus(WINDOW));
        }
    }

    /** Records a failed try. */
    public void failed(String key) {
        Deque<Instant> list = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (list) {
            list.addLast(clock.instant());
            while (list.size() > maxFailures) {
                list.pollFirst();
            }
        }
    }

    /** Forgets the failures of a key after it signed in. */
    public void succeeded(String key) {
        failures.remove(key);
    }
}
