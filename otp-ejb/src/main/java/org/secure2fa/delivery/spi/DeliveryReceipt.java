package org.secure2fa.delivery.spi;

/**
 * What a provider answered. {@link Outcome#ACCEPTED} carries the provider's message id;
 * {@link Outcome#REJECTED} is final (bad recipient, bad credentials); {@link Outcome#RETRY} is
 * transient (timeout, 429, 5xx) and the dispatcher tries again with backoff.
 */
public record DeliveryReceipt(Outcome outcome, String providerMessageId, String detail) {

    public enum Outcome { ACCEPTED, REJECTED, RETRY }

    public static DeliveryReceipt accepted(String providerMessageId) {
        return new DeliveryReceipt(Outcome.ACCEPTED, providerMessageId, null);
    }

    public static DeliveryReceipt rejected(String detail) {
        return new DeliveryReceipt(Outcome.REJECTED, null, detail);
    }

    public static DeliveryReceipt retry(String detail) {
        return new DeliveryReceipt(Outcome.RETRY, null, detail);
    }
}
