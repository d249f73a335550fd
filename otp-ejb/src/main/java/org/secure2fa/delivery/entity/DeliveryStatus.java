package org.secure2fa.delivery.entity;

/** Where an outbox row stands. */
public enum DeliveryStatus {
    /** Committed, waiting for the dispatcher (first try or a retry). */
    PENDING,
    /** Claimed by a dispatcher until {@code claimed_until}; reclaimed after that if the sender died. */
    SENDING,
    /** Accepted by the provider. */
    SENT,
    /** Permanently rejected, or out of attempts. */
    FAILED
}
