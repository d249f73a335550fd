package org.secure2fa.bench;

import org.HdrHistogram.Histogram;

/** Latency of one measured window, in milliseconds. */
record Latency(double p50, double p99, double p999, double max) {

    /** Microseconds: a millisecond's thousandths are finer than any figure reported. */
    static Histogram histogram() {
        return new Histogram(3);
    }

    static long micros(long nanos) {
        return nanos / 1_000;
    }

    /** The figures of a histogram of {@link #micros}; null when it holds nothing. */
    static Latency of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return null;
        }
        return new Latency(micros.getValueAtPercentile(50) / 1e3, micros.getValueAtPercentile(99) / 1e3,
                micros.getValueAtPercentile(99.9) / 1e3, micros.getMaxValue() / 1e3);
    }
}
