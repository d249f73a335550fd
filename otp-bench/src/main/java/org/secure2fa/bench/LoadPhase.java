package org.secure2fa.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives one target closed-loop: each of N threads holds one keep-alive connection and sends its next
 * request as soon as the previous answer is in, first through a warm-up (the JIT, the server's pools
 * and caches) and then through the measured window. A request belongs to the window it completes in.
 */
final class LoadPhase {

    /** After a connection failure, so that a server that is down is not hammered in a busy loop. */
    private static final long PAUSE_AFTER_IO_ERROR_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Endpoint endpoint;
    private final int connections;
    private final Duration warmup;
    private final Duration measurement;

    LoadPhase(Endpoint endpoint, int connections, Duration warmup, Duration measurement) {
        this.endpoint = endpoint;
        this.connections = connections;
        this.warmup = warmup;
        this.measurement = measurement;
    }

    Result run(String target, Workload workload) throws InterruptedException {
        long start = System.nanoTime();
        long from = start + warmup.toNanos();
        long until = from + measurement.toNanos();
        AtomicBoolean exhausted = new AtomicBoolean();
        Recorder[] recorders = new Recorder[connections];
        Thread[] threads = new Thread[connections];
        for (int i = 0; i < connections; i++) {
            Recorder recorder = new Recorder(start, from, until);
            recorders[i] = recorder;
            threads[i] = new Thread(() -> drive(workload, recorder, until, exhausted), "load-" + target + "-" + i);
        }
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return summarize(target, recorders, from, until, exhausted.get());
    }

    private void drive(Workload workload, Recorder recorder, long until, AtomicBoolean exhausted) {
        try (HttpConnection connection = new HttpConnection(endpoint)) {
            while (System.nanoTime() - until < 0) {
                int index = workload.next();
                if (index < 0) {
                    exhausted.set(true);
                    return;
                }
                byte[] request = workload.request(index);
                String error = null;
                long sent = System.nanoTime();
                try {
                    HttpConnection.Response response = connection.exchange(request);
                    if (response.status() != 200) {
                        error = Integer.toString(response.status());
                    } else if (!workload.accept(index, response)) {
                        error = workload.rejection();
                    }
                } catch (IOException e) {
                    error = "I/O " + e.getClass().getSimpleName();
                }
                recorder.record(sent, System.nanoTime(), error);
                if (error != null && error.startsWith("I/O")) {
                    LockSupport.parkNanos(PAUSE_AFTER_IO_ERROR_NANOS);
                }
            }
        }
    }

    private Result summarize(String target, Recorder[] recorders, long from, long until, boolean exhausted) {
        long end = until;
        String note = null;
        if (exhausted) {
            long last = Arrays.stream(recorders).mapToLong(r -> r.lastCompletion).max().orElse(from);
            if (last - until < 0) {
                end = last;
                note = last - from <= 0
                        ? "ran out of prepared requests during warm-up: nothing measured"
                        : String.format("ran out of prepared requests after %.1f s of the %.1f s window",
                                (last - from) / 1e9, (until - from) / 1e9);
            }
        }
        int total = Arrays.stream(recorders).mapToInt(r -> r.count).sum();
        long[] latencies = new long[total];
        int at = 0;
        Map<String, Long> errors = new TreeMap<>();
        Map<String, Long> warmupErrors = new TreeMap<>();
        for (Recorder recorder : recorders) {
            System.arraycopy(recorder.latencies, 0, latencies, at, recorder.count);
            at += recorder.count;
            recorder.errors.forEach((kind, count) -> errors.merge(kind, count, Long::sum));
            recorder.warmupErrors.forEach((kind, count) -> warmupErrors.merge(kind, count, Long::sum));
        }
        Arrays.sort(latencies);
        double seconds = Math.max(0, end - from) / 1e9;
        return new Result(target, total, seconds, percentile(latencies, 0.50), percentile(latencies, 0.99),
                total == 0 ? 0 : latencies[total - 1] / 1e6, errors, warmupErrors, note);
    }

    /** Nearest-rank percentile of sorted nanoseconds, in milliseconds. */
    static double percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    /** One load thread's own record, so the loop takes no lock; read only after the thread is joined. */
    private static final class Recorder {

        private final long from;
        private final long until;
        private long[] latencies = new long[16 * 1024];
        private int count;
        private long lastCompletion;
        private final Map<String, Long> errors = new TreeMap<>();
        private final Map<String, Long> warmupErrors = new TreeMap<>();

        Recorder(long start, long from, long until) {
            this.from = from;
            this.until = until;
            this.lastCompletion = start;
        }

        void record(long sent, long completed, String error) {
            lastCompletion = completed;
            if (completed - until >= 0) {
                return;
            }
            if (completed - from < 0) {
                if (error != null) {
                    warmupErrors.merge(error, 1L, Long::sum);
                }
                return;
            }
            if (error != null) {
                errors.merge(error, 1L, Long::sum);
                return;
            }
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = completed - sent;
        }
    }
}
