package org.secure2fa.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pacing, against a stub connection whose answers take a known time. */
class LoadPhaseTest {

    private static final Connection.Response OK = new Connection.Response(200, new byte[0], 0);
    private static final long STALL_MILLIS = 300;

    @TempDir
    Path noProc;

    /** Answers in 1 ms, but the 10th exchange takes {@link #STALL_MILLIS}. */
    private static final class StallingOnce implements Connection {

        private final AtomicInteger exchanges = new AtomicInteger();

        @Override
        public Response exchange(byte[] request) {
            sleep(exchanges.incrementAndGet() == 10 ? STALL_MILLIS : 1);
            return OK;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void atAFixedRateTheRequestsDueDuringAStallCarryTheWait() throws Exception {
        StallingOnce connection = new StallingOnce();
        LoadPhase phase = new LoadPhase(() -> connection, 1, new CpuMeter(noProc, List.of(), 100));

        Result result = phase.fixedRate(Plan.of("paced", 0, 1), Workload.repeating(new byte[0]), 100).get(0);

        // 100 requests due, one every 10 ms; the 10th stalls 300 ms, so the ~29 due behind it wait
        // for it: the one due next waits about 290 ms, and the wait shrinks by 10 ms per request.
        assertTrue(result.latency().max() >= STALL_MILLIS - 5, "max " + result.latency().max());
        assertTrue(result.latency().p99() >= 250, "p99 " + result.latency().p99());
        assertTrue(result.latency().p50() < 50, "p50 " + result.latency().p50());
        assertTrue(result.requests() >= 95 && result.requests() <= 100, "requests " + result.requests());
        assertEquals(Map.of(), result.errors());
    }

    @Test
    void aClosedLoopLeavesTheWaitOut() throws Exception {
        StallingOnce connection = new StallingOnce();
        LoadPhase phase = new LoadPhase(() -> connection, 1, new CpuMeter(noProc, List.of(), 100));

        Result result = phase.closedLoop(Plan.of("unpaced", 0, 1), Workload.repeating(new byte[0])).get(0);

        // The same stall is one slow request among hundreds: the closed loop's p99 does not see it.
        assertTrue(result.latency().max() >= STALL_MILLIS - 5, "max " + result.latency().max());
        assertTrue(result.latency().p99() < 50, "p99 " + result.latency().p99());
        assertTrue(result.requests() > 200, "requests " + result.requests());
    }

    @Test
    void aWorkloadThatRunsOutShortensTheWindowAndSaysSo() throws Exception {
        LoadPhase phase = new LoadPhase(StallingOnce::new, 2, new CpuMeter(noProc, List.of(), 100));
        byte[][] requests = new byte[20][];
        Arrays.fill(requests, new byte[0]);

        Result result = phase.closedLoop(Plan.of("short", 0, 5), new Workload.Sequence(requests)).get(0);

        assertEquals(20, result.requests());
        assertTrue(result.seconds() < 2, "seconds " + result.seconds());
        assertTrue(result.notes().get(0).startsWith("ran out of prepared requests"), result.notes().toString());
    }

    @Test
    void anUnexpectedStatusIsAnErrorAndHasNoLatency() throws Exception {
        Connection refusing = new Connection() {
            @Override
            public Response exchange(byte[] request) {
                sleep(1);
                return new Response(429, new byte[0], 0);
            }

            @Override
            public void close() {
            }
        };
        LoadPhase phase = new LoadPhase(() -> refusing, 1, new CpuMeter(noProc, List.of(), 100));

        Result result = phase.closedLoop(Plan.of("refused", 0, 1), Workload.repeating(new byte[0])).get(0);

        assertEquals(0, result.requests());
        assertNull(result.latency());
        assertTrue(result.errors().get("429") > 100, result.errors().toString());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
