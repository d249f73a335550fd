package org.secure2fa.delivery.boundary;

import java.util.Map;
import org.secure2fa.delivery.spi.ChannelType;

/**
 * A channel as a create or an edit sends it. An empty secret setting keeps the stored value (unless
 * the provider's address changes); type and provider cannot change once the channel exists.
 */
public record ChannelChanges(String name, ChannelType type, String providerId, Map<String, String> settings,
                             Long fallbackChannelId) {
}
