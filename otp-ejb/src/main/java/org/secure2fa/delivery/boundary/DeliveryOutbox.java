package org.secure2fa.delivery.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.secure2fa.crypto.Keyring;
import org.secure2fa.delivery.control.Backoff;
import org.secure2fa.delivery.control.DeliveryConfig;
import org.secure2fa.delivery.control.Settings;
import org.secure2fa.delivery.entity.Channel;
import org.secure2fa.delivery.entity.Delivery;
import org.secure2fa.delivery.entity.DeliveryStatus;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.delivery.spi.DeliveryReceipt;
import org.secure2fa.delivery.spi.DeliveryRequest;

/**
 * The outbox's transactions, each short and on its own: claim a row (a conditional update, so one
 * node wins), then, after the provider answered outside any transaction, record the answer.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryOutbox {

    private static final int MAX_ROUTES = 5;

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    @Inject
    Keyring keyring;

    @Inject
    DeliveryConfig config;

    public List<Long> findDue(int max) {
        return em.createNamedQuery("Delivery.findDue", Long.class)
                .setParameter("now", System.currentTimeMillis()).setMaxResults(max).getResultList();
    }

    public long countBacklog() {
        return em.createNamedQuery("Delivery.countBacklog", Long.class).getSingleResult();
    }

    /** Claims a due row for this node; empty if another claim won or the row is not due. */
    public Optional<ClaimedDelivery> claim(long deliveryId) {
        long now = System.currentTimeMillis();
        long until = now + config.claimTimeoutMillis();
        int claimed = em.createNamedQuery("Delivery.claim")
                .setParameter("id", deliveryId).setParameter("now", now)
                .setParameter("until", until).executeUpdate();
        if (claimed == 0) {
            return Optional.empty();
        }
        Delivery delivery = em.find(Delivery.class, deliveryId);
        List<ClaimedDelivery.Route> routes = routesFrom(delivery.getRouteChannelId() != null
                ? delivery.getRouteChannelId() : delivery.getChannelId());
        if (routes.isEmpty() || delivery.getPayloadSealed() == null) {
            delivery.failed(null, routes.isEmpty() ? "The channel was deleted" : "The message was erased", now);
            return Optional.empty();
        }
        Map<String, String> content = Settings.fromJson(keyring.open(delivery.getPayloadSealed()));
        DeliveryRequest request = new DeliveryRequest(deliveryId, ChannelType.valueOf(content.get("type")),
                content.get("to"), content.get("subject"), content.get("body"), content.get("html"));
        return Optional.of(new ClaimedDelivery(request, routes, until));
    }

    /**
     * Extends this node's claim to {@code until}, if it is still this node's (its end is still
     * {@code claimedUntil}): the dispatcher does so before each provider call, for longer than the call
     * can take, so no other node can claim the row while a send is under way. False: the claim ran out
     * and another node may have the row; do not send.
     */
    public boolean extendClaim(long deliveryId, long claimedUntil, long until) {
        return em.createNamedQuery("Delivery.extendClaim").setParameter("id", deliveryId)
                .setParameter("mine", claimedUntil).setParameter("until", until).executeUpdate() == 1;
    }

    /** The channel and its fallbacks, in order; a chain that loops stops where it would repeat. */
    private List<ClaimedDelivery.Route> routesFrom(long channelId) {
        List<ClaimedDelivery.Route> routes = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Long next = channelId;
        while (next != null && seen.add(next) && routes.size() < MAX_ROUTES) {
            Channel channel = em.find(Channel.class, next);
            if (channel == null) {
                break;
            }
            Map<String, String> settings = channel.getSettingsSealed() == null ? Map.of()
                    : Settings.fromJson(keyring.open(channel.getSettingsSealed()));
            routes.add(new ClaimedDelivery.Route(channel.getId(), channel.getProviderId(), settings));
            next = channel.getFallbackChannelId();
        }
        return routes;
    }

    /**
     * Records a provider's answer: sent, failed for good, or due again after a backoff; and which
     * channel of the failover chain the message is now on. Only under this node's claim
     * ({@code claimedUntil} unchanged): false when another node has the row now.
     */
    public boolean record(long deliveryId, long claimedUntil, long routeChannelId, String providerId,
                          DeliveryReceipt receipt) {
        long now = System.currentTimeMillis();
        Delivery delivery = em.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || delivery.getStatus() != DeliveryStatus.SENDING
                || !Long.valueOf(claimedUntil).equals(delivery.getClaimedUntil())) {
            return false;
        }
        delivery.onRoute(routeChannelId);
        switch (receipt.outcome()) {
            case ACCEPTED -> delivery.sent(providerId, receipt.providerMessageId(), now);
            case REJECTED -> delivery.failed(providerId, receipt.detail(), now);
            case RETRY -> {
                if (delivery.getAttempts() >= config.maxAttempts()) {
                    delivery.failed(providerId, "Gave up after " + delivery.getAttempts() + " attempts: "
                            + receipt.detail(), now);
                } else {
                    long delay = new Backoff(config.backoffBaseMillis(), config.backoffMaxMillis()).delayAfter(delivery.getAttempts());
                    delivery.retryAt(providerId, receipt.detail(), now + delay, now);
                }
            }
        }
        return true;
    }
}
