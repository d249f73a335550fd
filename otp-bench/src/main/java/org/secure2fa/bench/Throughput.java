package org.secure2fa.bench;

import java.util.Arrays;

/**
 * Good answers per second over the stretch of a run that leads up to a measured window and the window
 * itself: whether the warm-up had levelled off (the JIT done, pools and caches filled) shows in its
 * last seconds matching the window.
 *
 * @param perSecond   the rate in each second of the stretch
 * @param windowStart the index of the window's first second; 0 when no warm-up came before it
 */
record Throughput(double[] perSecond, int windowStart) {

    /** The warm-up seconds set against the window: the JIT's last compilations land well before. */
    static final int LAST_WARMUP_SECONDS = 10;
    private static final int CHUNK_SECONDS = 10;

    /** The mean rate over the last {@value #LAST_WARMUP_SECONDS} s of warm-up (fewer if it was shorter). */
    double lastWarmupRate() {
        if (windowStart == 0) {
            return Double.NaN;
        }
        return mean(Math.max(0, windowStart - LAST_WARMUP_SECONDS), windowStart);
    }

    /** Mean rates per 10 s of warm-up, the last ending where the window starts (the first may be shorter). */
    double[] warmupByTenSeconds() {
        int chunks = (windowStart + CHUNK_SECONDS - 1) / CHUNK_SECONDS;
        double[] rates = new double[chunks];
        for (int c = 0; c < chunks; c++) {
            int until = windowStart - (chunks - 1 - c) * CHUNK_SECONDS;
            rates[c] = mean(Math.max(0, until - CHUNK_SECONDS), until);
        }
        return rates;
    }

    /** Mean rates per 10 s of the window (the last may be shorter). */
    double[] windowByTenSeconds() {
        int chunks = (perSecond.length - windowStart + CHUNK_SECONDS - 1) / CHUNK_SECONDS;
        double[] rates = new double[chunks];
        for (int c = 0; c < chunks; c++) {
            int from = windowStart + c * CHUNK_SECONDS;
            rates[c] = mean(from, Math.min(perSecond.length, from + CHUNK_SECONDS));
        }
        return rates;
    }

    private double mean(int from, int until) {
        return Arrays.stream(perSecond, from, until).average().orElse(Double.NaN);
    }
}
