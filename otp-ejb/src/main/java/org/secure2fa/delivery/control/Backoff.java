package org.secure2fa.delivery.control;

import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter: attempt n waits base·2^(n-1), capped, times a random 0.5–1.0. */
public record Backoff(long baseMillis, long maxMillis) {

    public long delayAfter(int attempt) {
        long exponential = baseMillis << Math.min(Math.max(attempt - 1, 0), 20);
        long capped = Math.min(exponential, maxMillis);
        return (long) (capped * (0.5 + ThreadLocalRandom.current().nextDouble() * 0.5));
    }
}
