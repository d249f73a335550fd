package org.secure2fa.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ThroughputTest {

    /** 25 s of warm-up climbing one request per second each second, then a window of 12 s at 100 req/s. */
    private static final Throughput CLIMB = new Throughput(
            IntStream.range(0, 37).mapToDouble(s -> s < 25 ? s : 100).toArray(), 25);

    @Test
    void theLastTenSecondsOfWarmUpAreTheOnesBeforeTheWindow() {
        assertEquals((15 + 24) / 2.0, CLIMB.lastWarmupRate(), 1e-9);
    }

    @Test
    void aShortWarmUpCountsAllItHas() {
        Throughput shortWarmup = new Throughput(new double[] {10, 20, 30, 40}, 2);

        assertEquals(15, shortWarmup.lastWarmupRate(), 1e-9);
    }

    @Test
    void withoutWarmUpThereIsNothingToSetAgainstTheWindow() {
        assertTrue(Double.isNaN(new Throughput(new double[] {5, 5}, 0).lastWarmupRate()));
    }

    @Test
    void tenSecondStepsEndWhereTheWindowStartsAndStartWithIt() {
        assertArrayEquals(new double[] {2, 9.5, 19.5}, CLIMB.warmupByTenSeconds(), 1e-9);
        assertArrayEquals(new double[] {100, 100}, CLIMB.windowByTenSeconds(), 1e-9);
    }
}
