package org.secure2fa.delivery.boundary;

import java.util.Map;
import java.util.Set;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.platform.boundary.EntityTags;

/**
 * A channel for display and editing: the non-secret settings, and the keys of the secrets that are set
 * (their values never leave the delivery feature).
 */
public record ChannelView(long id, String name, ChannelType type, String providerId, String providerName,
                          Map<String, String> settings, Set<String> secretsSet, Long fallbackChannelId,
                          long createdAt) implements java.io.Serializable {

    /** The entity tag of this state ({@link EntityTags}). */
    public String tag() {
        return EntityTags.of(this);
    }
}
