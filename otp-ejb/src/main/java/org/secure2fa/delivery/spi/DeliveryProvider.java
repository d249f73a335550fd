package org.secure2fa.delivery.spi;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A way to send messages: SMTP, an email API, an SMS API. Implementations are CDI beans; the
 * registry finds them all. A provider type is code; a configured instance of it is a Channel row
 * whose settings follow {@link #settings()}.
 *
 * <p>{@link #send} is called outside any transaction, may block up to its own timeouts, and must not
 * throw for expected failures: it answers with a {@link DeliveryReceipt}.
 */
public interface DeliveryProvider {

    /** Stable id stored in channels, e.g. {@code smtp}. */
    String id();

    /** Name shown in the console. */
    String displayName();

    /** Channel types this provider can serve. */
    Set<ChannelType> channelTypes();

    /** The settings a channel of this provider needs. */
    List<ProviderSetting> settings();

    /** Sends one message with a channel's settings (secrets already opened). */
    DeliveryReceipt send(DeliveryRequest request, Map<String, String> settings);
}
