package org.secure2fa.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One target's figures over its measured window. Only good answers (the expected status and body)
 * count as requests and have their latency taken: a quick stream of 429s must not pass for throughput.
 *
 * @param seconds      the window actually measured: shorter than asked when the prepared requests ran out
 * @param latency      null when the window holds no good answer, or for pgbench, which reports a mean only
 * @param errors       unexpected answers in the window by kind ("429", "I/O ConnectException", ...)
 * @param warmupErrors the same during the warm-up before it, reported because they are failures all the same
 * @param notes        what a reader must know to read the row: a shorter window, the rate it was paced at
 * @param throughput   the rate per second through warm-up and window
 */
record Result(String target, long requests, double seconds, Latency latency, Map<String, Long> errors,
              Map<String, Long> warmupErrors, List<String> notes, Throughput throughput, CpuUse cpu) {

    double perSecond() {
        return seconds > 0 ? requests / seconds : 0;
    }

    long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    long warmupErrorCount() {
        return warmupErrors.values().stream().mapToLong(Long::longValue).sum();
    }

    Result withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new Result(target, requests, seconds, latency, errors, warmupErrors, List.copyOf(more), throughput, cpu);
    }
}
