package org.secure2fa.delivery.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.secure2fa.delivery.spi.DeliveryProvider;
import org.secure2fa.delivery.spi.ProviderSetting;
import org.secure2fa.delivery.spi.StatusCallbacks;
import org.secure2fa.platform.boundary.InvalidInputException;

/**
 * A channel's settings as its provider describes them: the form a channel of the provider is
 * configured with, and how an edit is merged into what is stored (secrets are kept when left empty,
 * but never for a new address).
 */
public final class ChannelSettings {

    private ChannelSettings() {
    }

    /**
     * Settings that say where credentials are sent. Changing one of them needs the secrets typed again,
     * so that someone at the console (or with a stolen session) cannot point a channel's saved
     * credentials at their own server.
     */
    public static final Set<String> ENDPOINT_KEYS = Set.of("host", "port", "security", "base_url", "region");

    private static String effective(ProviderSetting setting, String value) {
        String clean = value == null ? "" : value.strip();
        return clean.isEmpty() && setting.defaultValue() != null ? setting.defaultValue() : clean;
    }

    /**
     * The stored settings updated with the form's: secrets left empty keep their value, unless the form
     * changes where the credentials go (see {@link #ENDPOINT_KEYS}); unknown keys are dropped.
     */
    public static Map<String, String> merge(DeliveryProvider provider, Map<String, String> stored, Map<String, String> typed) {
        List<ProviderSetting> described = described(provider);
        boolean endpointChanged = described.stream()
                .filter(setting -> ENDPOINT_KEYS.contains(setting.key()))
                .anyMatch(setting -> !effective(setting, stored.get(setting.key()))
                        .equals(effective(setting, typed == null ? null : typed.get(setting.key()))));
        Map<String, String> result = new LinkedHashMap<>();
        for (ProviderSetting setting : described) {
            String value = typed == null ? null : typed.get(setting.key());
            value = value == null ? null : value.strip();
            if ((value == null || value.isEmpty()) && setting.secret() && stored.get(setting.key()) != null) {
                if (endpointChanged) {
                    throw new InvalidInputException(setting.key(), "The address of the provider changed, so enter "
                            + setting.label() + " again: saved credentials are never sent to a new address.");
                }
                value = stored.get(setting.key());
            }
            if (value != null && !value.isEmpty()) {
                if (value.length() > 2000) {
                    throw new InvalidInputException(setting.key(), setting.label() + " is too long.");
                }
                if ("timeout_ms".equals(setting.key())
                        && (!value.matches("\\d{4,5}") || Integer.parseInt(value) < 1000 || Integer.parseInt(value) > 30000)) {
                    throw new InvalidInputException(setting.key(), setting.label() + " must be 1000 to 30000.");
                }
                if (!setting.choices().isEmpty() && !setting.choices().contains(value)) {
                    throw new InvalidInputException(setting.key(), setting.label() + " must be one of "
                            + String.join(", ", setting.choices()) + ".");
                }
                result.put(setting.key(), value);
            } else if (setting.required() && setting.defaultValue() == null) {
                throw new InvalidInputException(setting.key(), setting.label() + " is required.");
            }
        }
        return result;
    }

    /**
     * What a channel of this provider is configured with: its sending settings, then the settings its
     * webhook verification needs (optional: without them the channel's delivery reports are refused).
     */
    public static List<ProviderSetting> described(DeliveryProvider provider) {
        List<ProviderSetting> all = new ArrayList<>(provider.settings());
        if (provider instanceof StatusCallbacks callbacks) {
            Set<String> keys = new HashSet<>();
            all.forEach(s -> keys.add(s.key()));
            for (ProviderSetting s : callbacks.callbackSettings()) {
                if (keys.add(s.key())) {
                    all.add(new ProviderSetting(s.key(), s.label() + " (delivery reports)", false, s.secret(),
                            s.defaultValue(), s.choices()));
                }
            }
        }
        return all;
    }
}
