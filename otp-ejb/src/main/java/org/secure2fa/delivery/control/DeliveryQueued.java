package org.secure2fa.delivery.control;

/** Fired when an outbox row is written; observed after commit to send without waiting for the poller. */
public record DeliveryQueued(long deliveryId) {
}
