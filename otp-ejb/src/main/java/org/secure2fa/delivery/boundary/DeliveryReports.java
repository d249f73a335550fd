package org.secure2fa.delivery.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import org.secure2fa.crypto.Keyring;
import org.secure2fa.delivery.control.DeliveryProviders;
import org.secure2fa.delivery.control.Settings;
import org.secure2fa.delivery.entity.Channel;
import org.secure2fa.delivery.entity.Delivery;
import org.secure2fa.delivery.entity.DeliveryStatus;
import org.secure2fa.delivery.spi.CallbackRejectedException;
import org.secure2fa.delivery.spi.CallbackRequest;
import org.secure2fa.delivery.spi.StatusCallbacks;
import org.secure2fa.delivery.spi.StatusUpdate;

/**
 * Applies providers' delivery-status callbacks: the channel's provider verifies the call with the
 * channel's credentials, then each update moves the matching message (same provider, same provider
 * message id) to DELIVERED, BOUNCED or UNDELIVERED.
 */
@Stateless
public class DeliveryReports {

    /** How a callback was taken. */
    public enum Result { APPLIED, UNKNOWN_CHANNEL, REJECTED }

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    @Inject
    Keyring keyring;

    @Inject
    DeliveryProviders providers;

    /** Verifies a callback for a channel and applies its updates. */
    public Outcome apply(long channelId, CallbackRequest request) {
        Channel channel = em.find(Channel.class, channelId);
        if (channel == null) {
            return new Outcome(Result.UNKNOWN_CHANNEL, 0);
        }
        var provider = providers.byId(channel.getProviderId());
        if (provider.isEmpty() || !(provider.get() instanceof StatusCallbacks callbacks)) {
            return new Outcome(Result.UNKNOWN_CHANNEL, 0);
        }
        Map<String, String> settings = channel.getSettingsSealed() == null ? Map.of()
                : Settings.fromJson(keyring.open(channel.getSettingsSealed()));
        List<StatusUpdate> updates;
        try {
            updates = callbacks.parse(request, settings);
        } catch (CallbackRejectedException e) {
            return new Outcome(Result.REJECTED, 0);
        }
        long now = System.currentTimeMillis();
        int changed = 0;
        for (StatusUpdate update : updates) {
            for (Delivery delivery : em.createNamedQuery("Delivery.findByProviderMessageId", Delivery.class)
                    .setParameter("providerId", channel.getProviderId())
                    .setParameter("messageId", update.providerMessageId()).getResultList()) {
                delivery.reported(DeliveryStatus.valueOf(update.kind().name()), update.detail(), now);
                changed++;
            }
        }
        return new Outcome(Result.APPLIED, changed);
    }

    /** What a callback did. */
    public record Outcome(Result result, int changed) {
    }
}
