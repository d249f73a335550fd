package org.secure2fa.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LockoutTest {

    private static long minutes(int failures) {
        return Lockout.lockMillis(failures, 5, 1, 60) / 60_000;
    }

    @Test
    void noLockBeforeTheFifthFailureThenADoublingLockUpToAnHour() {
        assertEquals(0, minutes(1));
        assertEquals(0, minutes(4));
        assertEquals(1, minutes(5));
        assertEquals(2, minutes(10));
        assertEquals(4, minutes(15));
        assertEquals(32, minutes(30));
        assertEquals(60, minutes(35));
        assertEquals(60, minutes(5_000), "no overflow, however many failures");
    }

    @Test
    void afterALockEndsTheAccountHasAFreshSetOfTriesAndOnlyTheNextFifthLocksAgain() {
        // Nothing is counted while locked, so the failure after the first lock is the sixth.
        for (int failures = 6; failures <= 9; failures++) {
            assertEquals(0, minutes(failures), "one mistake after a lock does not lock again: failure " + failures);
        }
        assertEquals(2, minutes(10), "the fifth try after the lock locks, twice as long");
        for (int failures = 11; failures <= 14; failures++) {
            assertEquals(0, minutes(failures), "failure " + failures);
        }
        assertEquals(4, minutes(15));
    }

    @Test
    void otherSettingsFollowTheSameRules() {
        assertEquals(0, Lockout.lockMillis(2, 3, 5, 30));
        assertEquals(5 * 60_000L, Lockout.lockMillis(3, 3, 5, 30));
        assertEquals(0, Lockout.lockMillis(4, 3, 5, 30));
        assertEquals(10 * 60_000L, Lockout.lockMillis(6, 3, 5, 30));
        assertEquals(20 * 60_000L, Lockout.lockMillis(9, 3, 5, 30));
        assertEquals(30 * 60_000L, Lockout.lockMillis(12, 3, 5, 30), "capped at the longest lock");
        assertEquals(60_000L, Lockout.lockMillis(1, 1, 1, 60), "lock-after 1: every failure locks");
        assertEquals(2 * 60_000L, Lockout.lockMillis(2, 1, 1, 60));
    }

    @Test
    void theEndOfALockIsToldRoundedUpToTheMinute() {
        long end = Instant.parse("2026-12-01T21:28:07Z").toEpochMilli();
        assertEquals(Instant.parse("2026-12-01T21:29:00Z").toEpochMilli(), Lockout.endToTheMinute(end),
                "still locked at 21:28:30, so not 'until 21:28'");
        long exact = Instant.parse("2026-12-01T21:29:00Z").toEpochMilli();
        assertEquals(exact, Lockout.endToTheMinute(exact), "a whole minute stays");
        assertEquals(exact, Lockout.endToTheMinute(exact - 1));
        assertEquals(exact + 60_000L, Lockout.endToTheMinute(exact + 1));
    }
}
