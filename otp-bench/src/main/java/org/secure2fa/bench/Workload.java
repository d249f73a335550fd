package org.secure2fa.bench;

import java.util.concurrent.atomic.AtomicInteger;

/** What one target sends, shared by its load threads: prepared requests, and what a good answer is. */
interface Workload {

    /** The index of the next request to send, or -1 once every prepared request has been sent. */
    int next();

    byte[] request(int index);

    /** The status of a good answer: 401 for a wrong code is what the verify-wrong target expects. */
    default int expectedStatus() {
        return 200;
    }

    /**
     * Whether an answer with the {@link #expectedStatus()} is the one the target should give; false
     * counts it as an error named {@link #rejection()}.
     */
    default boolean accept(int index, Connection.Response response) {
        return true;
    }

    default String rejection() {
        return expectedStatus() + " unexpected body";
    }

    /**
     * Request {@code index}, handed out by {@link #next()}, is over: answered (after {@link #accept} for a
     * good answer) or failed. Called once per request handed out, whatever became of it.
     */
    default void done(int index) {
    }

    /** The same request over and over, for targets that keep no state (nginx, noop). */
    static Workload repeating(byte[] request) {
        return new Workload() {
            @Override
            public int next() {
                return 0;
            }

            @Override
            public byte[] request(int index) {
                return request;
            }
        };
    }

    /** Each request once, in order, for targets whose requests are used up (generate, verify). */
    class Sequence implements Workload {

        private final byte[][] requests;
        private final AtomicInteger next = new AtomicInteger();

        Sequence(byte[][] requests) {
            this.requests = requests;
        }

        @Override
        public int next() {
            int index = next.getAndIncrement();
            return index < requests.length ? index : -1;
        }

        @Override
        public byte[] request(int index) {
            return requests[index];
        }

        /** How many requests were handed out: those from here on were never sent. */
        int sent() {
            return Math.min(next.get(), requests.length);
        }
    }
}
