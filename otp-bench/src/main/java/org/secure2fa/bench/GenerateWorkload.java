package org.secure2fa.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Generate requests with template_request=true, keeping the code each 200 answer carries so that the
 * verify targets can redeem it. Request {@code i} is for uuid {@code uuidPrefix + owners[i]}: one
 * request per uuid for fresh users, several for repeat users (the service allows five sends per uuid in
 * ten minutes).
 *
 * <p>A uuid has at most one request in flight: the service keeps the code of whichever generate commits
 * last, so two of a uuid's rounds running at once on two connections could leave it holding a code other
 * than the one answered last. {@link #next()} therefore passes over a request whose uuid still awaits an
 * answer (it is sent once that answer is in, before any later round of the uuid), and waits when every
 * request left is of such a uuid.
 */
final class GenerateWorkload implements Workload {

    /** Repeat users: uuid {@code i} gets 2 + (i % 4) codes, 3.5 on average. */
    static int repeatCodes(int uuid) {
        return 2 + uuid % 4;
    }

    private final byte[][] requests;
    private final String uuidPrefix;
    private final int[] owners;
    private final int[] codes;
    private final long[] answeredAt;

    /** Guards the four fields below. */
    private final Object lock = new Object();
    /** The next request in sending order not yet handed out or deferred. */
    private int cursor;
    /** Requests passed over because their uuid was busy, in sending order. */
    private final ArrayDeque<Integer> deferred = new ArrayDeque<>();
    /** Per uuid: whether one of its requests was handed out and is not {@link #done} yet. */
    private final boolean[] inFlight;
    /** Per uuid: how many of its requests are in {@link #deferred}. */
    private final int[] waiting;

    /** @param owners the uuid index of each request, as {@link Rounds#order} gives them */
    GenerateWorkload(byte[][] requests, String uuidPrefix, int[] owners) {
        this.requests = requests;
        this.uuidPrefix = uuidPrefix;
        this.owners = owners;
        this.codes = new int[requests.length];
        this.answeredAt = new long[requests.length];
        int uuids = Rounds.uuids(owners);
        this.inFlight = new boolean[uuids];
        this.waiting = new int[uuids];
        Arrays.fill(codes, -1);
    }

    /**
     * The next request whose uuid has none in flight: a deferred one first (the oldest whose uuid is
     * free), else the next in order, deferring those whose uuid is busy or has a request deferred. Waits
     * while every request left belongs to a busy uuid; -1 once all have been handed out.
     */
    @Override
    public int next() {
        synchronized (lock) {
            while (true) {
                for (Iterator<Integer> it = deferred.iterator(); it.hasNext(); ) {
                    int index = it.next();
                    int uuid = owners[index];
                    if (!inFlight[uuid]) {
                        it.remove();
                        waiting[uuid]--;
                        inFlight[uuid] = true;
                        return index;
                    }
                }
                while (cursor < requests.length) {
                    int index = cursor++;
                    int uuid = owners[index];
                    if (!inFlight[uuid] && waiting[uuid] == 0) {
                        inFlight[uuid] = true;
                        return index;
                    }
                    deferred.addLast(index);
                    waiting[uuid]++;
                }
                if (deferred.isEmpty()) {
                    return -1;
                }
                try {
                    // done() wakes it; the timeout only bounds a lost wake-up.
                    lock.wait(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
        }
    }

    @Override
    public byte[] request(int index) {
        return requests[index];
    }

    @Override
    public void done(int index) {
        synchronized (lock) {
            inFlight[owners[index]] = false;
            lock.notifyAll();
        }
    }

    @Override
    public boolean accept(int index, Connection.Response response) {
        int code = ResponseBodies.code(response.body(), response.length());
        answeredAt[index] = System.nanoTime();
        codes[index] = code;
        return code >= 0;
    }

    @Override
    public String rejection() {
        return "200 without a code";
    }

    /**
     * The code each uuid holds now: the one answered last, since each generate supersedes the uuid's
     * previous code. Warm-up included: each is valid for minutes. Call once the load threads are joined,
     * which makes their writes visible here.
     */
    List<Issued> issued() {
        int uuids = Rounds.uuids(owners);
        int[] latest = new int[uuids];
        Arrays.fill(latest, -1);
        for (int i = 0; i < codes.length; i++) {
            int uuid = owners[i];
            if (codes[i] >= 0 && (latest[uuid] < 0 || answeredAt[i] - answeredAt[latest[uuid]] > 0)) {
                latest[uuid] = i;
            }
        }
        List<Issued> issued = new ArrayList<>();
        for (int uuid = 0; uuid < uuids; uuid++) {
            int i = latest[uuid];
            if (i >= 0) {
                issued.add(new Issued(uuidPrefix + uuid, codes[i], answeredAt[i], false));
            }
        }
        return issued;
    }
}
