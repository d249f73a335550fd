package org.secure2fa.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PgbenchTest {

    /** What pgbench 15 printed for a 5 s run of the single-row UPDATE on this machine. */
    private static final String OUTPUT = """
            pgbench (15.20 (Debian 15.20-0+deb12u1))
            transaction type: /tmp/s2fa-upd.sql
            scaling factor: 1
            query mode: prepared
            number of clients: 32
            number of threads: 2
            maximum number of tries: 1
            duration: 5 s
            number of transactions actually processed: 93863
            number of failed transactions: 2 (0.002%)
            latency average = 1.564 ms
            latency stddev = 1.400 ms
            initial connection time = 41.194 ms
            tps = 18817.988989 (without initial connection time)
            """;

    @Test
    void readsTheRateWithoutConnectionTimeTheCountsAndTheMeanLatency() throws Exception {
        Pgbench.Figures figures = Pgbench.parse(OUTPUT);

        assertEquals(93863, figures.transactions());
        assertEquals(2, figures.failed());
        assertEquals(18817.988989, figures.tps(), 1e-9);
        assertEquals(1.564, figures.latencyAverageMillis(), 1e-9);
    }

    @Test
    void anOutputWithoutTheRateIsAFailureNotACrash() {
        assertThrows(Command.Failure.class, () -> Pgbench.parse(OUTPUT.replaceAll("(?m)^tps = .*$", "")));
        assertThrows(Command.Failure.class, () -> Pgbench.parse("pgbench: error: connection refused"));
    }

    @Test
    void readsTheRateOfEachSecondFromTheProgressLines() {
        String err = """
                pgbench (15.20 (Debian 15.20-0+deb12u1))
                progress: 1.0 s, 14807.5 tps, lat 1.917 ms stddev 1.080, 0 failed
                progress: 2.0 s, 17972.5 tps, lat 1.643 ms stddev 1.031, 0 failed
                progress: 3.0 s, 19016.9 tps, lat 1.558 ms stddev 1.102, 0 failed
                """;

        assertArrayEquals(new double[] {14807.5, 17972.5, 19016.9}, Pgbench.progress(err));
    }
}
