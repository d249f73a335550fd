package org.secure2fa.delivery.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.secure2fa.challenge.control.Recipients;
import org.secure2fa.delivery.control.Circuits;
import org.secure2fa.delivery.control.DeliveryBacklog;
import org.secure2fa.delivery.control.DeliveryConfig;
import org.secure2fa.delivery.control.DeliveryProviders;
import org.secure2fa.delivery.spi.DeliveryProvider;
import org.secure2fa.delivery.spi.DeliveryReceipt;

/**
 * Sends what the outbox holds. New rows are handed over right after their transaction commits
 * ({@link DeliveryKick}); a timer also polls for rows that are due again (retries) or whose sender
 * died (expired claims, e.g. after a crash), so nothing committed is lost.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class.getName());
    /** How much longer than its longest call a claim is extended before the call. */
    private static final long CLAIM_MARGIN_MS = 5_000;

    @Resource
    TimerService timers;

    @Resource
    ManagedExecutorService executor;

    @Inject
    DeliveryOutbox outbox;

    @Inject
    DeliveryProviders providers;

    @Inject
    DeliveryBacklog backlog;

    @Inject
    Circuits circuits;

    @Inject
    DeliveryConfig config;

    /** Rows handed to the executor and not finished yet, so a poll does not queue them twice. */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(1000, config.pollIntervalMillis(), new TimerConfig("delivery-poll", false));
    }

    @Timeout
    void poll() {
        try {
            backlog.update(outbox.countBacklog());
            for (Long id : outbox.findDue(200)) {
                submit(id);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Delivery poll failed; trying again at the next poll", e);
        }
    }

    /** Hands a row to the executor; if the executor is saturated, the next poll picks it up. */
    public void submit(long deliveryId) {
        if (!inFlight.add(deliveryId)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    deliver(deliveryId);
                } finally {
                    inFlight.remove(deliveryId);
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.remove(deliveryId);
        }
    }

    /**
     * Sends through the first route whose circuit allows it. A rejection that is not the recipient's
     * fault, or a transient failure that opens the route's circuit, moves on to the next route at once.
     * Before each provider call the claim is extended beyond the longest the call can take, and only
     * while it is still this node's: a send never outlives its claim, so no other node can take the row
     * and send it again meanwhile.
     */
    private void deliver(long deliveryId) {
        var claimed = outbox.claim(deliveryId);
        if (claimed.isEmpty()) {
            return;
        }
        var delivery = claimed.get();
        long claim = delivery.claimedUntil();
        List<ClaimedDelivery.Route> routes = delivery.routes();
        ClaimedDelivery.Route used = routes.get(0);
        DeliveryReceipt receipt = DeliveryReceipt.retry("Every provider of the channel is unavailable (circuits open)");
        for (int i = 0; i < routes.size(); i++) {
            ClaimedDelivery.Route route = routes.get(i);
            boolean last = i == routes.size() - 1;
            long now = System.currentTimeMillis();
            if (!circuits.allows(route.channelId(), now)) {
                continue;
            }
            long until = now + Math.max(config.claimTimeoutMillis(), longestCall(route) + CLAIM_MARGIN_MS);
            if (!outbox.extendClaim(deliveryId, claim, until)) {
                LOG.warning("Delivery " + deliveryId + ": this node's claim ran out before a send; another node has it");
                return;
            }
            claim = until;
            used = route;
            var provider = providers.byId(route.providerId());
            receipt = masked(provider.isEmpty()
                    ? DeliveryReceipt.rejected("No delivery provider with id " + route.providerId())
                    : sendSafely(provider.get(), delivery, route), delivery.request().recipient());
            if (receipt.outcome() == DeliveryReceipt.Outcome.ACCEPTED || receipt.recipientFault()) {
                circuits.succeeded(route.channelId());
                break;
            }
            circuits.failed(route.channelId(), now);
            boolean failOver = receipt.outcome() == DeliveryReceipt.Outcome.REJECTED
                    || circuits.isOpen(route.channelId(), now);
            if (!failOver || last) {
                break;
            }
            LOG.info("Delivery " + deliveryId + ": failing over from channel " + route.channelId()
                    + " (" + route.providerId() + "): " + receipt.detail());
        }
        ClaimedDelivery.Route route = used;
        DeliveryReceipt answer = receipt;
        if (!outbox.record(deliveryId, claim, route.channelId(), route.providerId(), answer)) {
            LOG.warning("Delivery " + deliveryId + ": the outcome " + answer.outcome() + " came after this node's claim"
                    + " ran out (a pause of the whole node?); not recorded");
            return;
        }
        LOG.fine(() -> "Delivery " + deliveryId + " via " + route.providerId() + ": " + answer.outcome());
    }

    /**
     * The longest a provider call through this route can take: an HTTP provider's whole exchange is
     * bounded by its {@code timeout_ms}; SMTP bounds each connect, read and write by it, and a message
     * is a handful of commands, so eight of them.
     */
    static long longestCall(ClaimedDelivery.Route route) {
        long timeout;
        try {
            timeout = Long.parseLong(route.settings().getOrDefault("timeout_ms", "10000").strip());
        } catch (NumberFormatException e) {
            timeout = 10_000;
        }
        return "smtp".equals(route.providerId()) ? 8 * timeout : timeout;
    }

    /**
     * The receipt with the recipient masked in its detail: providers' error texts often quote the address
     * or number, and details are stored in {@code last_error} and logged.
     */
    private static DeliveryReceipt masked(DeliveryReceipt receipt, String recipient) {
        if (receipt.detail() == null || recipient == null || recipient.isEmpty()) {
            return receipt;
        }
        String mask = Recipients.mask(recipient);
        String detail = receipt.detail().replace(recipient, mask);
        if (recipient.startsWith("+")) {
            detail = detail.replace(recipient.substring(1), mask);
        }
        return new DeliveryReceipt(receipt.outcome(), receipt.providerMessageId(), detail, receipt.recipientFault());
    }

    private static DeliveryReceipt sendSafely(DeliveryProvider provider, ClaimedDelivery delivery,
                                              ClaimedDelivery.Route route) {
        try {
            return provider.send(delivery.request(), route.settings());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Provider " + provider.id() + " failed unexpectedly on " + delivery, e);
            return DeliveryReceipt.retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
