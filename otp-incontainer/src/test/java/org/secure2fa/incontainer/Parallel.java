package org.secure2fa.incontainer;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Calls released at the same moment, each on a container-managed thread of its own (as requests on
 * the server's worker threads), so that each EJB call is a transaction of its own racing the others.
 */
final class Parallel {

    private Parallel() {
    }

    /** Runs {@code call} {@code n} times at once and counts the answers. */
    static <T extends Comparable<T>> Map<T, Integer> counted(ManagedThreadFactory threads, int n, Callable<T> call)
            throws Exception {
        Map<T, Integer> counts = new TreeMap<>();
        for (T answer : atOnce(threads, Collections.nCopies(n, call))) {
            counts.merge(answer, 1, Integer::sum);
        }
        return counts;
    }

    /** Runs the calls at once; their answers in the same order. */
    static <T> List<T> atOnce(ManagedThreadFactory threads, List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size(), threads);
        try {
            CountDownLatch ready = new CountDownLatch(calls.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The threads did not all start");
            }
            go.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
