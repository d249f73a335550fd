package org.secure2fa.bench;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What one load thread saw, kept by that thread alone so that the timed loop takes no lock; read only
 * after the thread is joined.
 */
final class ThreadLog {

    private final long start;
    private final long[] from;
    private final long[] until;
    final Histogram[] latencies;
    /** Good answers completed in each window: the rate. */
    final long[] answered;
    final Map<String, Long>[] errors;
    /** Errors in the warm-up before each window. */
    final Map<String, Long>[] warmupErrors;
    /** Good answers completed in each second of the phase. */
    final long[] perSecond;
    long lastCompletion;

    @SuppressWarnings("unchecked")
    ThreadLog(long start, Plan plan) {
        this.start = start;
        int windows = plan.windows().size();
        from = new long[windows];
        until = new long[windows];
        latencies = new Histogram[windows];
        answered = new long[windows];
        errors = new Map[windows];
        warmupErrors = new Map[windows];
        for (int w = 0; w < windows; w++) {
            Plan.Window window = plan.windows().get(w);
            from[w] = start + window.from() * 1_000_000_000L;
            until[w] = start + window.until() * 1_000_000_000L;
            latencies[w] = Latency.histogram();
            errors[w] = new TreeMap<>();
            warmupErrors[w] = new TreeMap<>();
        }
        perSecond = new long[plan.seconds()];
        lastCompletion = start;
    }

    /**
     * @param at        what places the request in a window: its completion in a closed loop (a request
     *                  belongs to the window it completes in), its due time at a fixed rate (so that the
     *                  requests due in the window carry their waits even when they complete after it)
     * @param latency   nanoseconds from sending in a closed loop, from the due time at a fixed rate
     * @param completed when the answer was in
     * @param error     null for a good answer, else its kind
     */
    void record(long at, long latency, long completed, String error) {
        lastCompletion = completed;
        if (error == null) {
            long second = (completed - start) / 1_000_000_000L;
            if (second >= 0 && second < perSecond.length) {
                perSecond[(int) second]++;
            }
        }
        for (int w = 0; w < from.length; w++) {
            if (error == null && completed - from[w] >= 0 && completed - until[w] < 0) {
                answered[w]++;
            }
        }
        for (int w = 0; w < from.length; w++) {
            if (at - until[w] >= 0) {
                continue;
            }
            if (at - from[w] < 0) {
                if (error != null) {
                    warmupErrors[w].merge(error, 1L, Long::sum);
                }
            } else if (error != null) {
                errors[w].merge(error, 1L, Long::sum);
            } else {
                latencies[w].recordValue(Latency.micros(latency));
            }
            return;
        }
    }
}
