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
 * channel's credentials, then each update moves the matching message to DELIVERED, BOUNCED or
 * UNDELIVERED. Only messages sent through that very channel match (same channel, provider and
 * provider message id): credentials of one channel can never touch another channel's messages.
 */
@Stateless
public class DeliveryReports {

    /** How a callback was taken. An unknown channel is answered like a forged call (no enumeration). */
    public enum Result { APPLIED, REJECTED }

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    @Inject
    Keyring keyring;

    @Inject
    DeliveryProviders providers;

    /** Verifies a callback for a channel and applies its updates. */
    public Result apply(long channelId, CallbackRequest request) {
        Channel channel = em.find(Channel.class, channelId);
        if (channel == null) {
            return Result.REJECTED;
        }
        var provider = providers.byId(channel.getProviderId());
        if (provider.isEmpty() || !(provider.get() instanceof StatusCallbacks callbacks)) {
            return Result.REJECTED;
        }
        Map<String, String> settings = channel.getSettingsSealed() == null ? Map.of()
                : Settings.fromJson(keyring.open(channel.getSettingsSealed()));
        List<StatusUpdate> updates;
        try {
            updates = callbacks.parse(request, settings);
        } catch (CallbackRejectedException e) {
            return Result.REJECTED;
        }
        long now = System.currentTimeMillis();
        for (StatusUpdate update : updates) {
            for (Delivery delivery : em.createNamedQuery("Delivery.findReported", Delivery.class)
                    .setParameter("channelId", channelId)
                    .setParameter("providerId", channel.getProviderId())
                    .setParameter("messageId", update.providerMessageId()).getResultList()) {
                delivery.reported(DeliveryStatus.valueOf(update.kind().name()), update.detail(), now);
            }
        }
        return Result.APPLIED;
    }
}
