package org.secure2fa.delivery.spi;

/**
 * One message to send.
 *
 * @param deliveryId the outbox row, stable across retries (providers may use it as an idempotency key)
 * @param type       EMAIL or SMS
 * @param recipient  an email address or an E.164 phone number
 * @param subject    the subject (email), may be null for SMS
 * @param body       the plain-text body
 * @param htmlBody   the HTML body (email), or null
 */
public record DeliveryRequest(long deliveryId, ChannelType type, String recipient, String subject, String body,
                              String htmlBody) {

    @Override
    public String toString() {
        return "DeliveryRequest[" + deliveryId + ", " + type + "]";
    }
}
