package org.secure2fa.delivery.boundary;

import java.util.List;
import java.util.Map;
import org.secure2fa.delivery.spi.DeliveryRequest;

/**
 * An outbox row this node has claimed, opened and ready to send: the message, the routes to try in
 * order (the channel it is on, then that channel's fallbacks), and the claim's end as written, which
 * is also this node's token for it: extending the claim or recording the outcome needs it unchanged.
 */
public record ClaimedDelivery(DeliveryRequest request, List<Route> routes, long claimedUntil) {

    /** One channel of the failover chain: its provider and its opened settings. */
    public record Route(long channelId, String providerId, Map<String, String> settings) {

        @Override
        public String toString() {
            return "Route[" + channelId + ", " + providerId + "]";
        }
    }

    @Override
    public String toString() {
        return "ClaimedDelivery[" + request.deliveryId() + ", " + routes + ", until " + claimedUntil + "]";
    }
}
