package org.secure2fa.bench;

import java.util.Map;

/**
 * One target's figures over its measurement window. Only good answers (200 with the expected body)
 * count as requests and have their latency taken: a quick stream of 429s must not pass for throughput.
 *
 * @param seconds      the window actually measured: shorter than asked when the prepared requests ran out
 * @param errors       unexpected answers in the window by kind ("429", "I/O ConnectException", ...)
 * @param warmupErrors the same during warm-up, reported because they are failures all the same
 * @param note         why the window is shorter than asked, or null
 */
record Result(String target, long requests, double seconds, double p50Millis, double p99Millis, double maxMillis,
              Map<String, Long> errors, Map<String, Long> warmupErrors, String note) {

    double perSecond() {
        return seconds > 0 ? requests / seconds : 0;
    }

    long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    long warmupErrorCount() {
        return warmupErrors.values().stream().mapToLong(Long::longValue).sum();
    }
}
