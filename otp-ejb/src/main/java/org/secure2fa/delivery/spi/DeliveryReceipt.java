package org.secure2fa.delivery.spi;

/**
 * What a provider answered. {@link Outcome#ACCEPTED} carries the provider's message id;
 * {@link Outcome#REJECTED} is final for this provider (bad recipient, bad credentials, 4xx);
 * {@link Outcome#RETRY} is transient (timeout, 429, 5xx) and the dispatcher tries again with backoff.
 *
 * <p>{@code recipientFault} tells a rejection caused by the recipient (an invalid or unreachable
 * number or address, which no other provider would deliver either) from one caused by the provider
 * or its configuration (bad credentials, suspended account): only the latter fails over to the
 * channel's next provider.
 */
public record DeliveryReceipt(Outcome outcome, String providerMessageId, String detail, boolean recipientFault) {

    public enum Outcome { ACCEPTED, REJECTED, RETRY }

    public static DeliveryReceipt accepted(String providerMessageId) {
        return new DeliveryReceipt(Outcome.ACCEPTED, providerMessageId, null, false);
    }

    /** Permanent, and not the recipient's fault (credentials, account, configuration). */
    public static DeliveryReceipt rejected(String detail) {
        return new DeliveryReceipt(Outcome.REJECTED, null, detail, false);
    }

    /** Permanent because of the recipient: no provider would deliver it. */
    public static DeliveryReceipt rejectedRecipient(String detail) {
        return new DeliveryReceipt(Outcome.REJECTED, null, detail, true);
    }

    public static DeliveryReceipt retry(String detail) {
        return new DeliveryReceipt(Outcome.RETRY, null, detail, false);
    }
}
