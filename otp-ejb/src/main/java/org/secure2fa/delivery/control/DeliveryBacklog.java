package org.secure2fa.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The number of messages waiting to leave, as last counted by the dispatcher. The API answers 503
 * instead of queueing more past {@code otp.delivery.backlog-limit}; readiness turns down past
 * {@code otp.delivery.ready-backlog}.
 */
@ApplicationScoped
public class DeliveryBacklog {

    @Inject
    DeliveryConfig config;

    private final AtomicLong size = new AtomicLong(-1);

    public void update(long count) {
        size.set(count);
    }

    /** The last count, or -1 before the first one. */
    public long size() {
        return size.get();
    }

    public long readyThreshold() {
        return config.readyBacklog();
    }

    public boolean isFull() {
        return size.get() >= config.backlogLimit();
    }
}
