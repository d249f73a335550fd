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
    FAILED,
    /** The provider reported (by webhook) that it reached the recipient. */
    DELIVERED,
    /** Email bounced or was reported as spam (by webhook). */
    BOUNCED,
    /** The carrier could not deliver the SMS (by webhook). */
    UNDELIVERED
}
