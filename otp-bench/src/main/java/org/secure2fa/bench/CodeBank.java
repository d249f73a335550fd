package org.secure2fa.bench;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

/**
 * The codes the generate targets issued and no verify has redeemed yet. The verify targets draw on it
 * in turn and hand back what they did not send, so that the codes the server spent time issuing go as
 * far as they can: verify outpaces generate, and a target that runs out measures a shorter window.
 */
final class CodeBank {

    /**
     * How long a code stays valid: the service's default lifetime (docs/api.md, OTP policy), less a
     * margin for the clocks of driver and server. A project set to a shorter lifetime would see 401s.
     */
    static final Duration LIFETIME = Duration.ofMinutes(10).minusSeconds(30);

    private final Deque<Issued> untried = new ArrayDeque<>();
    private final Deque<Issued> tried = new ArrayDeque<>();

    void deposit(Collection<Issued> codes) {
        for (Issued code : codes) {
            (code.tried() ? tried : untried).addLast(code);
        }
    }

    /**
     * Up to {@code max} codes for verifies with the right code, valid at least until {@code usedUntil}
     * ({@link System#nanoTime()}): those without wrong attempts first, the oldest first. Codes that
     * would expire before then are dropped.
     */
    List<Issued> forRightCodes(int max, long usedUntil) {
        List<Issued> taken = take(untried, max, usedUntil);
        taken.addAll(take(tried, max - taken.size(), usedUntil));
        return taken;
    }

    /** Up to {@code max} codes without wrong attempts, for the verify-wrong target; see {@link #forRightCodes}. */
    List<Issued> forWrongCodes(int max, long usedUntil) {
        return take(untried, max, usedUntil);
    }

    /** How many codes {@link #forRightCodes} could give that are valid until {@code usedUntil}. */
    int rightCodes(long usedUntil) {
        return valid(untried, usedUntil) + valid(tried, usedUntil);
    }

    /** How many codes {@link #forWrongCodes} could give that are valid until {@code usedUntil}. */
    int wrongCodes(long usedUntil) {
        return valid(untried, usedUntil);
    }

    private static int valid(Deque<Issued> codes, long usedUntil) {
        return (int) codes.stream().filter(code -> valid(code, usedUntil)).count();
    }

    private static boolean valid(Issued code, long usedUntil) {
        return usedUntil - code.issuedAt() < LIFETIME.toNanos();
    }

    private static List<Issued> take(Deque<Issued> codes, int max, long usedUntil) {
        List<Issued> taken = new ArrayList<>();
        while (taken.size() < max && !codes.isEmpty()) {
            Issued code = codes.removeFirst();
            if (valid(code, usedUntil)) {
                taken.add(code);
            }
        }
        return taken;
    }
}
