package org.secure2fa.challenge.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Hands out challenge ids from the persistence provider's block of {@code challenge_seq} one caller at
 * a time, and stops queueing behind a database that is away. Fetching a new block takes the provider's
 * lock on the sequence: with PostgreSQL down, every generate waiting for an id tried the database in
 * turn under that lock, a refused connection each, and 60 generates at once took 3 s to be answered
 * (DatabaseOutageIT on WildFly). Here a failed fetch is remembered for {@link #PAUSE_MILLIS}: meanwhile
 * a generate gets no id at once and answers 503, and one caller tries again after the pause.
 */
@ApplicationScoped
public class ChallengeIds {

    static final long PAUSE_MILLIS = 1_000;
    /** As long as a request waits for a pooled connection. */
    static final long WAIT_MILLIS = 1_000;

    private final ReentrantLock gate = new ReentrantLock();
    private final LongSupplier clock;
    private volatile long failedAt;

    public ChallengeIds() {
        this(System::currentTimeMillis);
    }

    ChallengeIds(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * The next id from {@code fetch} (the provider's sequence), or empty when a fetch failed less than
     * {@link #PAUSE_MILLIS} ago or the caller before has held the gate for {@link #WAIT_MILLIS}. A failure
     * of {@code fetch} itself is thrown on, to be answered and logged as the unexpected error it is.
     */
    public OptionalLong next(LongSupplier fetch) {
        if (paused()) {
            return OptionalLong.empty();
        }
        try {
            if (!gate.tryLock(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                return OptionalLong.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
        try {
            if (paused()) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(fetch.getAsLong());
        } catch (RuntimeException e) {
            failedAt = clock.getAsLong();
            throw e;
        } finally {
            gate.unlock();
        }
    }

    private boolean paused() {
        long failed = failedAt;
        return failed != 0 && clock.getAsLong() - failed < PAUSE_MILLIS;
    }
}
