package org.secure2fa.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Drives one target over N keep-alive connections, one thread each, through the warm-ups and measured
 * windows of a {@link Plan}, reading the CPU meter at each window's ends.
 *
 * <p>Closed loop ({@link #closedLoop}): each thread sends its next request as soon as the previous answer
 * is in; the maximum throughput. Fixed rate ({@link #fixedRate}): request {@code i} is due at
 * {@code start + i / rate} and the next free connection takes it; its latency counts from the due time,
 * so a request that waited while every connection was busy with a slow answer carries that wait. A closed
 * loop leaves that wait out (coordinated omission: the slow answer holds back the requests that would
 * have shown it), which is why its percentiles are not what users feel at a given rate.
 */
final class LoadPhase {

    /** After a connection failure, so that a server that is down is not hammered in a busy loop. */
    private static final long PAUSE_AFTER_IO_ERROR_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Supplier<Connection> connect;
    private final int connections;
    private final CpuMeter cpu;

    /** @param connect opens one connection per load thread; it connects on first use */
    LoadPhase(Supplier<Connection> connect, int connections, CpuMeter cpu) {
        this.connect = connect;
        this.connections = connections;
        this.cpu = cpu;
    }

    /** One result per window of the plan, in its order. */
    List<Result> closedLoop(Plan plan, Workload workload) throws InterruptedException {
        return run(plan, workload, 0);
    }

    /** One result per window of the plan; {@code perSecond} is the schedule's rate. */
    List<Result> fixedRate(Plan plan, Workload workload, double perSecond) throws InterruptedException {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("A fixed rate must be positive, not " + perSecond);
        }
        return run(plan, workload, perSecond);
    }

    private List<Result> run(Plan plan, Workload workload, double perSecond) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + plan.seconds() * 1_000_000_000L;
        AtomicLong scheduled = new AtomicLong();
        AtomicBoolean exhausted = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(connections);
        ThreadLog[] logs = new ThreadLog[connections];
        Thread[] threads = new Thread[connections];
        for (int i = 0; i < connections; i++) {
            ThreadLog log = new ThreadLog(start, plan);
            logs[i] = log;
            Runnable loop = perSecond > 0
                    ? () -> paced(workload, log, start, end, 1e9 / perSecond, scheduled, exhausted)
                    : () -> unpaced(workload, log, end, exhausted);
            threads[i] = new Thread(() -> {
                try {
                    loop.run();
                } finally {
                    finished.countDown();
                }
            }, "load-" + plan.windows().get(0).target() + "-" + i);
        }
        for (Thread thread : threads) {
            thread.start();
        }
        Map<Integer, CpuMeter.Sample> samples = new HashMap<>();
        TreeSet<Integer> boundaries = new TreeSet<>();
        plan.windows().forEach(w -> boundaries.addAll(List.of(w.from(), w.until())));
        for (int second : boundaries) {
            long wait = start + second * 1_000_000_000L - System.nanoTime();
            // A load that stopped early (out of requests) is read at once: nothing more happens.
            finished.await(Math.max(0, wait), TimeUnit.NANOSECONDS);
            samples.put(second, cpu.sample());
        }
        for (Thread thread : threads) {
            thread.join();
        }
        List<Result> results = new ArrayList<>();
        int previousEnd = 0;
        for (int w = 0; w < plan.windows().size(); w++) {
            Plan.Window window = plan.windows().get(w);
            results.add(summarize(w, window, previousEnd, logs, start, exhausted.get(),
                    cpu.between(samples.get(window.from()), samples.get(window.until()))));
            previousEnd = window.until();
        }
        return results;
    }

    /** Closed loop: the next request as soon as the last answer is in. */
    private void unpaced(Workload workload, ThreadLog log, long end, AtomicBoolean exhausted) {
        try (Connection connection = connect.get()) {
            while (System.nanoTime() - end < 0) {
                int index = workload.next();
                if (index < 0) {
                    exhausted.set(true);
                    return;
                }
                long sent = System.nanoTime();
                String error = exchange(connection, workload, index);
                long completed = System.nanoTime();
                log.record(completed, completed - sent, completed, error);
                pauseAfter(error);
            }
        }
    }

    /** Fixed rate: the next request due, once it is due; at once when it is overdue. */
    private void paced(Workload workload, ThreadLog log, long start, long end, double interval, AtomicLong scheduled,
                       AtomicBoolean exhausted) {
        try (Connection connection = connect.get()) {
            while (true) {
                long due = start + Math.round(scheduled.getAndIncrement() * interval);
                if (due - end >= 0) {
                    return;
                }
                int index = workload.next();
                if (index < 0) {
                    exhausted.set(true);
                    return;
                }
                for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
                    LockSupport.parkNanos(left);
                }
                String error = exchange(connection, workload, index);
                long completed = System.nanoTime();
                log.record(due, completed - due, completed, error);
                pauseAfter(error);
            }
        }
    }

    /** Null for a good answer, else the kind of error; the workload hears that the request is over. */
    private static String exchange(Connection connection, Workload workload, int index) {
        try {
            Connection.Response response = connection.exchange(workload.request(index));
            if (response.status() != workload.expectedStatus()) {
                return Integer.toString(response.status());
            }
            return workload.accept(index, response) ? null : workload.rejection();
        } catch (IOException e) {
            return "I/O " + e.getClass().getSimpleName();
        } finally {
            workload.done(index);
        }
    }

    private static void pauseAfter(String error) {
        if (error != null && error.startsWith("I/O")) {
            LockSupport.parkNanos(PAUSE_AFTER_IO_ERROR_NANOS);
        }
    }

    private Result summarize(int w, Plan.Window window, int previousEnd, ThreadLog[] logs, long start,
                             boolean exhausted, CpuUse cpuUse) {
        long from = start + window.from() * 1_000_000_000L;
        long until = start + window.until() * 1_000_000_000L;
        long end = until;
        List<String> notes = new ArrayList<>();
        if (exhausted) {
            long last = Arrays.stream(logs).mapToLong(l -> l.lastCompletion).max().orElse(from);
            if (last - until < 0) {
                end = Math.max(from, last);
                notes.add(last - from <= 0
                        ? "ran out of prepared requests before the window: nothing measured"
                        : String.format("ran out of prepared requests after %.1f s of the %d s window",
                                (last - from) / 1e9, window.until() - window.from()));
            }
        }
        Histogram latencies = Latency.histogram();
        Map<String, Long> errors = new TreeMap<>();
        Map<String, Long> warmupErrors = new TreeMap<>();
        long answered = 0;
        double[] perSecond = new double[window.until() - previousEnd];
        for (ThreadLog log : logs) {
            latencies.add(log.latencies[w]);
            answered += log.answered[w];
            log.errors[w].forEach((kind, count) -> errors.merge(kind, count, Long::sum));
            log.warmupErrors[w].forEach((kind, count) -> warmupErrors.merge(kind, count, Long::sum));
            for (int s = 0; s < perSecond.length; s++) {
                perSecond[s] += log.perSecond[previousEnd + s];
            }
        }
        return new Result(window.target(), answered, (end - from) / 1e9, Latency.of(latencies), errors, warmupErrors,
                List.copyOf(notes), new Throughput(perSecond, window.from() - previousEnd), cpuUse);
    }
}
