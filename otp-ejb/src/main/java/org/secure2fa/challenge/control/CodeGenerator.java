package org.secure2fa.challenge.control;

import java.security.SecureRandom;

/** Uniformly random decimal codes from a CSPRNG ({@code nextLong(bound)} rejects, so no modulo bias). */
public final class CodeGenerator {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long[] POWERS = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L, 10_000_000_000L};

    private CodeGenerator() {
    }

    public static String next(int digits) {
        long value = RANDOM.nextLong(POWERS[digits]);
        String text = Long.toString(value);
        return "0".repeat(digits - text.length()) + text;
    }
}
