package org.secure2fa.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateWorkloadTest {

    private static final int BLOCK = 16 * 32;

    @TempDir
    Path noProc;

    @Test
    void repeatUsersGetTwoToFiveCodesEachAndThreeAndAHalfOnAverage() {
        int uuids = 2 * BLOCK + 100;
        int[] owners = Rounds.order(GenerateWorkload::repeatCodes, uuids, BLOCK);

        int[] count = new int[uuids];
        for (int owner : owners) {
            count[owner]++;
        }
        for (int uuid = 0; uuid < uuids; uuid++) {
            assertEquals(2 + uuid % 4, count[uuid], "codes for uuid " + uuid);
        }
        assertEquals(3.5, (double) owners.length / uuids, 0.01);
        assertEquals(uuids, Rounds.uuidsFor(GenerateWorkload::repeatCodes, owners.length));
    }

    @Test
    void aUuidsRequestsAreARoundApartAndItsBlockIsDoneBeforeTheNextStarts() {
        int[] owners = Rounds.order(GenerateWorkload::repeatCodes, 3 * BLOCK, BLOCK);

        int[] last = new int[3 * BLOCK];
        Arrays.fill(last, -1);
        int closest = Integer.MAX_VALUE;
        for (int i = 0; i < owners.length; i++) {
            if (last[owners[i]] >= 0) {
                closest = Math.min(closest, i - last[owners[i]]);
            }
            last[owners[i]] = i;
        }
        // The smallest round, the fifth codes, holds a quarter of the block's uuids.
        assertTrue(closest >= BLOCK / 4, "closest " + closest);
        int requestsPerBlock = BLOCK * 7 / 2;
        for (int i = 0; i < owners.length; i++) {
            assertEquals(i / requestsPerBlock, owners[i] / BLOCK, "block of request " + i);
        }
    }

    @Test
    void fourTriesForEachOfAFewCodesStayWithinThoseCodes() {
        int[] owners = Rounds.order(code -> 4, 3, BLOCK);

        assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2}, owners);
    }

    @Test
    void aUuidHoldsTheCodeAnsweredLastWhateverOrderTheRequestsWereSentIn() {
        int[] owners = {0, 1, 0, 1, 0};
        GenerateWorkload workload = new GenerateWorkload(new byte[5][], "u-", owners);

        answer(workload, 0, "111111");
        answer(workload, 1, "222222");
        answer(workload, 4, "555555");
        answer(workload, 3, "444444");
        // Request 2 was sent before request 4 but answered after it: the service issued its code last.
        answer(workload, 2, "333333");

        List<Issued> issued = workload.issued();
        assertEquals(2, issued.size());
        assertEquals("u-0", issued.get(0).uuid());
        assertEquals(333333, issued.get(0).code());
        assertEquals("u-1", issued.get(1).uuid());
        assertEquals(444444, issued.get(1).code());
    }

    @Test
    void aUuidsNextRoundIsNotHandedOutBeforeItsPreviousRoundIsAnswered() throws Exception {
        GenerateWorkload workload = new GenerateWorkload(new byte[4][], "u-", new int[] {0, 0, 1, 0});

        assertEquals(0, workload.next());
        // Request 1 is uuid 0's second round, and its first is still out: uuid 1's goes first.
        assertEquals(2, workload.next());
        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(workload::next);
        Thread.sleep(100);
        assertFalse(waiting.isDone(), "every request left is for uuid 0, whose first round is unanswered");

        workload.done(0);
        assertEquals(1, waiting.get(5, TimeUnit.SECONDS));
        workload.done(2);
        CompletableFuture<Integer> third = CompletableFuture.supplyAsync(workload::next);
        Thread.sleep(100);
        assertFalse(third.isDone(), "uuid 0's third round waits for its second");
        workload.done(1);
        assertEquals(3, third.get(5, TimeUnit.SECONDS));
        workload.done(3);
        assertEquals(-1, workload.next());
    }

    /**
     * Against a stub service that, like the real one, keeps the code of whichever generate commits last:
     * with many connections and a uuid's rounds close together, the code each uuid holds must be the one
     * the service kept, and no uuid may ever have two generates in flight.
     */
    @Test
    void underLoadEachUuidHoldsTheCodeTheServiceKept() throws Exception {
        int uuids = 6;
        int[] owners = Rounds.order(uuid -> 20, uuids, BLOCK);
        byte[][] requests = new byte[owners.length][];
        for (int i = 0; i < owners.length; i++) {
            requests[i] = ("u-" + owners[i]).getBytes(StandardCharsets.US_ASCII);
        }
        GenerateWorkload workload = new GenerateWorkload(requests, "u-", owners);
        KeepsLastCommit service = new KeepsLastCommit();
        LoadPhase phase = new LoadPhase(service::connection, 8, new CpuMeter(noProc, List.of(), 100));

        Result result = phase.closedLoop(Plan.of("repeat", 0, 10), workload).get(0);

        assertEquals(owners.length, result.requests());
        assertEquals(1, service.mostAtOnce.get(), "generates of one uuid in flight at once");
        List<Issued> issued = workload.issued();
        assertEquals(uuids, issued.size());
        for (Issued code : issued) {
            assertEquals(service.kept.get(code.uuid()), code.code(), "code of " + code.uuid());
        }
    }

    /** Each generate commits a new code at a random point of a random-length exchange. */
    private static final class KeepsLastCommit {

        final Map<String, Integer> kept = new ConcurrentHashMap<>();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        private final AtomicInteger codes = new AtomicInteger(100_000);

        Connection connection() {
            return new Connection() {
                @Override
                public Response exchange(byte[] request) {
                    String uuid = new String(request, StandardCharsets.US_ASCII);
                    AtomicInteger atOnce = inFlight.computeIfAbsent(uuid, u -> new AtomicInteger());
                    mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
                    pause();
                    int code;
                    synchronized (kept) {
                        code = codes.incrementAndGet();
                        kept.put(uuid, code);
                    }
                    pause();
                    atOnce.decrementAndGet();
                    byte[] body = body(Integer.toString(code));
                    return new Response(200, body, body.length);
                }

                @Override
                public void close() {
                }
            };
        }

        private static void pause() {
            try {
                TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextInt(50, 1_500));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void anAnswerWithoutACodeIsRejectedAndIssuesNothing() {
        GenerateWorkload workload = new GenerateWorkload(new byte[1][], "u-", new int[] {0});
        byte[] body = "{\"success\":true,\"message\":\"OTP generated successfully.\"}".getBytes(StandardCharsets.UTF_8);

        assertFalse(workload.accept(0, new Connection.Response(200, body, body.length)));
        assertEquals(List.of(), workload.issued());
    }

    private static void answer(GenerateWorkload workload, int index, String code) {
        byte[] body = body(code);
        assertTrue(workload.accept(index, new Connection.Response(200, body, body.length)));
    }

    private static byte[] body(String code) {
        String json = "{\"success\":true,\"message\":\"OTP generated successfully.\",\"subject\":\"Your code\","
                + "\"body\":\"Your code is " + code + ". It expires in 10 minutes.\"}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
