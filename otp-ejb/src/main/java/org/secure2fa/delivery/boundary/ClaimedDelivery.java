package org.secure2fa.delivery.boundary;

import java.util.Map;
import org.secure2fa.delivery.spi.DeliveryRequest;

/** An outbox row this node has claimed, opened and ready to hand to its provider. */
public record ClaimedDelivery(DeliveryRequest request, String providerId, Map<String, String> settings, int attempt) {

    @Override
    public String toString() {
        return "ClaimedDelivery[" + request.deliveryId() + ", " + providerId + ", attempt " + attempt + "]";
    }
}
