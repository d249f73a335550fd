package org.secure2fa.delivery.boundary;

import java.util.Map;
import java.util.Set;
import org.secure2fa.delivery.spi.ChannelType;

/**
 * A channel for display and editing: the non-secret settings, and the keys of the secrets that are set
 * (their values never leave the delivery feature).
 */
public record ChannelView(long id, String name, ChannelType type, String providerId, String providerName,
                          Map<String, String> settings, Set<String> secretsSet, Long fallbackChannelId,
                          long createdAt) implements java.io.Serializable {
}
