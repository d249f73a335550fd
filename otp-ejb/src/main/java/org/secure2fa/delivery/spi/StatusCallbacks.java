package org.secure2fa.delivery.spi;

import java.util.List;
import java.util.Map;

/**
 * Implemented by a {@link DeliveryProvider} whose service reports delivery status by webhook. The
 * service calls {@code POST /otp/webhooks/{channelId}}; the channel's provider verifies the call as its
 * documentation says (signature, shared secret or basic credentials in the channel's settings) and
 * reads the updates. Status that is neither final delivery nor failure (queued, sent, opened) is
 * skipped: return only {@link StatusUpdate.Kind} events.
 */
public interface StatusCallbacks {

    /** The settings this provider's webhook verification needs, shown in the channel form. */
    List<ProviderSetting> callbackSettings();

    /**
     * Verifies and reads a callback.
     *
     * @throws CallbackRejectedException if it is not signed, or not by this channel's credentials
     */
    List<StatusUpdate> parse(CallbackRequest request, Map<String, String> settings) throws CallbackRejectedException;
}
