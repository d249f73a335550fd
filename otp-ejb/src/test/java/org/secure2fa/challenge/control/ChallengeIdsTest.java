package org.secure2fa.challenge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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
    void aFailureIsThrownOnAndTheNextCallerTriesAgainSoNoAnswerOutlivesTheOutage() {
        IllegalStateException down = new IllegalStateException("database down");
        assertEquals(down, assertThrows(IllegalStateException.class, () -> ids.next(() -> {
            throw down;
        })), "the failure is thrown on, to be logged");

        assertEquals(OptionalLong.of(42), ids.next(this::counted), "the database is back");
        assertEquals(1, fetches.get());
    }

    @Test
    void callersThatWaitedWhileAFetchFailedGiveUpWithoutTrying() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<OptionalLong> failing = CompletableFuture.supplyAsync(() -> ids.next(() -> {
            inside.countDown();
            await(release);
            throw new IllegalStateException("database down");
        }));
        assertTrue(inside.await(5, TimeUnit.SECONDS));
        List<CompletableFuture<OptionalLong>> waiters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiters.add(CompletableFuture.supplyAsync(() -> ids.next(this::counted)));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ids.waiting() < 3 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(3, ids.waiting(), "three callers wait for the sequence");

        now.addAndGet(5);
        release.countDown();

        assertTrue(assertThrows(Exception.class, () -> failing.get(5, TimeUnit.SECONDS)).getCause()
                instanceof IllegalStateException);
        for (CompletableFuture<OptionalLong> waiter : waiters) {
            assertTrue(waiter.get(5, TimeUnit.SECONDS).isEmpty(), "no id, and no try of its own");
        }
        assertEquals(0, fetches.get());
    }

    @Test
    void afterAFailureNobodyWaitsWhileAnotherCallerTriesTheSequence() throws Exception {
        assertThrows(IllegalStateException.class, () -> ids.next(() -> {
            throw new IllegalStateException("database down");
        }));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<OptionalLong> trying = CompletableFuture.supplyAsync(() -> ids.next(() -> {
            inside.countDown();
            await(release);
            return 1;
        }));
        assertTrue(inside.await(5, TimeUnit.SECONDS));

        long start = System.nanoTime();
        assertTrue(ids.next(this::counted).isEmpty(), "no id while another caller tries the sequence");
        assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(ChallengeIds.WAIT_MILLIS / 2),
                "answered without waiting for the caller who tries");
        assertEquals(0, fetches.get());

        release.countDown();
        assertEquals(OptionalLong.of(1), trying.get(5, TimeUnit.SECONDS));
        assertEquals(OptionalLong.of(42), ids.next(this::counted), "the pause ended with the successful fetch");
    }

    @Test
    void withoutAFailureACallerWaitsNoLongerThanAPooledConnectionWouldMakeIt() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<OptionalLong> slow = CompletableFuture.supplyAsync(() -> ids.next(() -> {
            inside.countDown();
            await(release);
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

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
