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
 * (DatabaseOutageIT on WildFly). Here callers that waited while a fetch failed give up without trying,
 * and until a fetch succeeds again (or for {@link #PAUSE_MILLIS} at most) nobody waits: the caller who
 * finds the sequence free tries it, the others get no id at once. A generate without an id answers 503.
 * The first fetch after the database is back ends the pause, so no 503 outlives the outage.
 */
@ApplicationScoped
public class ChallengeIds {

    static final long PAUSE_MILLIS = 1_000;
    /** As long as a request waits for a pooled connection. */
    static final long WAIT_MILLIS = 1_000;

    private final ReentrantLock gate = new ReentrantLock();
    private final LongSupplier clock;
    /** When the last fetch failed, 0 once one succeeded since. */
    private volatile long failedAt;

    public ChallengeIds() {
        this(System::currentTimeMillis);
    }

    ChallengeIds(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * The next id from {@code fetch} (the provider's sequence), or empty when a fetch failed while this
     * caller waited, another caller is trying the sequence after a recent failure, or the caller before
     * held it for {@link #WAIT_MILLIS}. A failure of {@code fetch} itself is thrown on, to be answered and
     * logged as the unexpected error it is.
     */
    public OptionalLong next(LongSupplier fetch) {
        long asked = clock.getAsLong();
        long failed = failedAt;
        boolean recentFailure = failed != 0 && asked - failed < PAUSE_MILLIS;
        try {
            if (!(recentFailure ? gate.tryLock() : gate.tryLock(WAIT_MILLIS, TimeUnit.MILLISECONDS))) {
                return OptionalLong.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
        try {
            long failedSince = failedAt;
            if (failedSince != 0 && failedSince != failed) {
                return OptionalLong.empty(); // a fetch failed while this caller waited
            }
            long id = fetch.getAsLong();
            failedAt = 0;
            return OptionalLong.of(id);
        } catch (RuntimeException e) {
            failedAt = Math.max(1, clock.getAsLong());
            throw e;
        } finally {
            gate.unlock();
        }
    }

    /** Callers waiting for the gate, for tests. */
    int waiting() {
        return gate.getQueueLength();
    }
}
