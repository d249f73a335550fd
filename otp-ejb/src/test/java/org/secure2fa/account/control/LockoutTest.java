package org.secure2fa.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals(2, minutes(6));
        assertEquals(4, minutes(7));
        assertEquals(32, minutes(10));
        assertEquals(60, minutes(11));
        assertEquals(60, minutes(1_000), "no overflow, however many failures");
    }
}
