package org.secure2fa.bench;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * The order of requests when each uuid gets several (repeat generates, wrong codes): blocks of uuids,
 * and within a block round after round, one request per uuid that still has one to come. Two requests
 * for one uuid are then at least a round apart, so a uuid's next round seldom has to wait for the answer to
 * its previous one, which {@link GenerateWorkload} never sends it before; and
 * blocks are small against the run, so every stretch of it has the same mix of first and later requests.
 */
final class Rounds {

    private Rounds() {
    }

    /**
     * Every request of uuids {@code 0 .. uuids - 1}: the uuid index of each, in sending order.
     *
     * @param requestsFor how many requests uuid {@code i} gets; at least one
     * @param block       uuids per block: the smallest round of a block, not the block, is what keeps a
     *                    uuid's requests apart, so it should be many times the connections
     */
    static int[] order(IntUnaryOperator requestsFor, int uuids, int block) {
        int total = 0;
        for (int i = 0; i < uuids; i++) {
            total += requestsFor.applyAsInt(i);
        }
        int[] owners = new int[total];
        int at = 0;
        for (int first = 0; first < uuids; first += block) {
            int last = Math.min(uuids, first + block);
            for (int round = 0; at < total; round++) {
                int before = at;
                for (int i = first; i < last; i++) {
                    if (round < requestsFor.applyAsInt(i)) {
                        owners[at++] = i;
                    }
                }
                if (at == before) {
                    break;
                }
            }
        }
        return owners;
    }

    /** How many uuids it takes for their requests to number at least {@code requests}. */
    static int uuidsFor(IntUnaryOperator requestsFor, int requests) {
        int uuids = 0;
        for (int sum = 0; sum < requests; uuids++) {
            sum += requestsFor.applyAsInt(uuids);
        }
        return uuids;
    }

    /** One past the highest uuid index in {@code owners}: how many uuids they cover. */
    static int uuids(int[] owners) {
        return Arrays.stream(owners).max().orElse(-1) + 1;
    }
}
