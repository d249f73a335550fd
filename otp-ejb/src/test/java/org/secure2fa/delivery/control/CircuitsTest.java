package org.secure2fa.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CircuitsTest {

    @Test
    void opensAfterConsecutiveFailuresThenLetsOneTrialThroughAndClosesOnSuccess() {
        Circuits circuits = new Circuits(3, 1_000);
        circuits.failed(7, 0);
        circuits.failed(7, 0);
        assertTrue(circuits.allows(7, 0), "two failures: still closed");
        circuits.failed(7, 0);
        assertFalse(circuits.allows(7, 10), "open");
        assertTrue(circuits.isOpen(7, 10));
        assertEquals(1, circuits.open(10).size());
        assertTrue(circuits.allows(8, 10), "other channels are not affected");

        assertTrue(circuits.allows(7, 1_000), "half-open: one trial");
        assertFalse(circuits.allows(7, 1_001), "only one trial at a time");
        circuits.succeeded(7);
        assertTrue(circuits.allows(7, 1_002), "closed again");
        assertTrue(circuits.open(1_002).isEmpty());
    }

    @Test
    void aFailedTrialOpensItAgain() {
        Circuits circuits = new Circuits(2, 1_000);
        circuits.failed(1, 0);
        circuits.failed(1, 0);
        assertTrue(circuits.allows(1, 1_500));
        circuits.failed(1, 1_500);
        assertFalse(circuits.allows(1, 1_600));
        assertTrue(circuits.allows(1, 2_500));
    }

    @Test
    void aSuccessResetsTheCount() {
        Circuits circuits = new Circuits(2, 1_000);
        circuits.failed(1, 0);
        circuits.succeeded(1);
        circuits.failed(1, 0);
        assertTrue(circuits.allows(1, 1));
    }
}
