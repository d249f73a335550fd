package org.secure2fa.manage.channel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.secure2fa.delivery.boundary.ChannelChanges;
import org.secure2fa.delivery.spi.ChannelType;

/**
 * A channel as POST creates it and PUT replaces it: the provider's settings as its catalogue entry
 * describes them ({@code GET /channels/providers}). A secret setting left out or empty keeps the stored
 * value on PUT; secrets are never answered back.
 */
public record ChannelInput(@NotBlank @Size(max = 100) String name,
                           @NotNull ChannelType type,
                           @NotBlank String providerId,
                           Map<String, String> settings,
                           Long fallbackChannelId) {

    ChannelChanges changes() {
        return new ChannelChanges(name, type, providerId, settings == null ? Map.of() : settings, fallbackChannelId);
    }
}
