package org.secure2fa.delivery.boundary;

import java.util.List;
import java.util.Set;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.delivery.spi.ProviderSetting;

/**
 * A delivery provider as a channel form offers it: the settings a channel of it needs, and
 * {@code webhooks} when it reports delivery status by webhook.
 */
public record ProviderInfo(String id, String displayName, Set<ChannelType> types, List<ProviderSetting> settings,
                           boolean webhooks) {
}
