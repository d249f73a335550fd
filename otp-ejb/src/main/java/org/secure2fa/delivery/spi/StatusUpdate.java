package org.secure2fa.delivery.spi;

/**
 * What a verified callback says about one message: its provider message id (as the provider's send
 * answer gave it) and where it ended.
 */
public record StatusUpdate(String providerMessageId, Kind kind, String detail) {

    public enum Kind {
        /** Reached the recipient's mailbox or handset. */
        DELIVERED,
        /** Email: hard or soft bounce, or a spam complaint. */
        BOUNCED,
        /** SMS: the carrier could not deliver it. */
        UNDELIVERED
    }
}
