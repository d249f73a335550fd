package org.secure2fa.challenge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ChallengeIdsTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final ChallengeIds ids = new ChallengeIds(now::get);
    private final AtomicInteger fetches = new AtomicInteger();

    @Test
    void handsOutWhatTheSequenceGives() {
        assertEquals(OptionalLong.of(7), ids.next(() -> 7));
        assertEquals(OptionalLong.of(8), ids.next(() -> 8));
    }

    @Test
    void afterAFailedFetchNobodyTriesTheDatabaseUntilThePauseIsOver() {
        IllegalStateException down = new IllegalStateException("database down");
        assertEquals(down, assertThrows(IllegalStateException.class, () -> ids.next(() -> {
            fetches.incrementAndGet();
            throw down;
        })), "the first failure is thrown on, to be logged");

        now.addAndGet(ChallengeIds.PAUSE_MILLIS - 1);
        assertTrue(ids.next(this::counted).isEmpty());
        assertEquals(1, fetches.get(), "no second try within the pause");

        now.addAndGet(1);
        assertEquals(OptionalLong.of(42), ids.next(this::counted));
        assertEquals(2, fetches.get());
    }

    @Test
    void aCallerDoesNotQueueLongerThanAPooledConnectionWouldMakeItWait() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<OptionalLong> slow = CompletableFuture.supplyAsync(() -> ids.next(() -> {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 1;
        }));
        assertTrue(inside.await(5, TimeUnit.SECONDS));

        assertTrue(ids.next(this::counted).isEmpty(), "no id while another caller holds the sequence");
        assertEquals(0, fetches.get());

        release.countDown();
        assertEquals(OptionalLong.of(1), slow.get(5, TimeUnit.SECONDS));
        assertEquals(OptionalLong.of(42), ids.next(this::counted));
    }

    private long counted() {
        fetches.incrementAndGet();
        return 42;
    }
}
