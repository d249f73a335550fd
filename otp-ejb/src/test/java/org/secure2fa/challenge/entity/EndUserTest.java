package org.secure2fa.challenge.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EndUserTest {

    @Test
    void locksAfterConsecutiveFailuresForTheLockoutPeriod() {
        EndUser user = new EndUser("k", 1, 0);
        for (int i = 0; i < 99; i++) {
            user.failed(100, 60_000, 10_000);
        }
        assertFalse(user.isLockedOut(100, 60_000, 10_000));
        user.failed(100, 60_000, 10_000);
        assertTrue(user.isLockedOut(100, 60_000, 10_001));
        assertFalse(user.isLockedOut(100, 60_000, 70_000));
        user.failed(100, 60_000, 70_000);
        assertEquals(1, user.getConsecutiveFailures(), "a failure after the lockout starts a new count");
        user.succeeded();
        assertEquals(0, user.getConsecutiveFailures());
    }

    @Test
    void aChallengeBurnsOnItsLastAttempt() {
        Challenge challenge = new Challenge(50, 1, "k", "h", 3, 5, 0, 1_000, "a***@x.io", "EMAIL", "en", null, null, false);
        challenge.wrongAttempt();
        assertEquals(ChallengeStatus.ACTIVE, challenge.getStatus());
        challenge.wrongAttempt();
        assertEquals(ChallengeStatus.BURNED, challenge.getStatus());
        assertTrue(challenge.isExpired(1_000));
        assertFalse(challenge.isExpired(999));
    }
}
