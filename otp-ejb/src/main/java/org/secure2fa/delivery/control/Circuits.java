package org.secure2fa.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A circuit breaker per channel (one configured provider account): after
 * {@code otp.delivery.circuit-failures} consecutive failures that are not the recipient's fault it
 * opens for {@code otp.delivery.circuit-open-ms}, and messages go to the next channel of the failover
 * chain; then one trial call is let through (half-open): success closes it, failure opens it again.
 * Kept per node, in memory: each node learns a provider's health from its own calls.
 */
@ApplicationScoped
public class Circuits {

    /** Where one channel's circuit stands. */
    public record State(int consecutiveFailures, long openUntil, boolean trialInFlight) {
        boolean isOpen(long now) {
            return openUntil > now;
        }
    }

    int threshold;
    long openMillis;

    private final Map<Long, State> states = new ConcurrentHashMap<>();

    public Circuits() {
    }

    @Inject
    void configure(DeliveryConfig config) {
        this.threshold = config.circuitFailures();
        this.openMillis = config.circuitOpenMillis();
    }

    /** For tests. */
    public Circuits(int threshold, long openMillis) {
        this.threshold = threshold;
        this.openMillis = openMillis;
    }

    /** Whether a call through this channel may be made now (closed, or the one half-open trial). */
    public boolean allows(long channelId, long now) {
        boolean[] allowed = {true};
        states.computeIfPresent(channelId, (id, s) -> {
            if (s.consecutiveFailures() < threshold) {
                return s;
            }
            if (s.isOpen(now) || s.trialInFlight()) {
                allowed[0] = false;
                return s;
            }
            return new State(s.consecutiveFailures(), s.openUntil(), true);
        });
        return allowed[0];
    }

    public void succeeded(long channelId) {
        states.remove(channelId);
    }

    public void failed(long channelId, long now) {
        states.compute(channelId, (id, s) -> {
            int failures = (s == null ? 0 : s.consecutiveFailures()) + 1;
            return failures >= threshold ? new State(failures, now + openMillis, false) : new State(failures, 0, false);
        });
    }

    public boolean isOpen(long channelId, long now) {
        State s = states.get(channelId);
        return s != null && s.consecutiveFailures() >= threshold && s.isOpen(now);
    }

    /** Open circuits by channel id, for readiness. */
    public Map<Long, State> open(long now) {
        Map<Long, State> open = new TreeMap<>();
        states.forEach((id, s) -> {
            if (s.consecutiveFailures() >= threshold && s.isOpen(now)) {
                open.put(id, s);
            }
        });
        return open;
    }
}
