package org.secure2fa.delivery.spi;

import java.util.List;

/**
 * One setting a provider needs, described by the provider itself so that the console can render and
 * validate the form. {@code secret} settings are stored sealed and never shown back in full.
 *
 * @param key          the key in the channel's settings
 * @param label        what a person sees
 * @param required     whether a channel is invalid without it
 * @param secret       whether it is a credential
 * @param defaultValue used when the channel leaves it empty, or null
 * @param choices      the allowed values, or empty for free text
 */
public record ProviderSetting(String key, String label, boolean required, boolean secret, String defaultValue,
                              List<String> choices) {

    public static ProviderSetting text(String key, String label, boolean required, String defaultValue) {
        return new ProviderSetting(key, label, required, false, defaultValue, List.of());
    }

    public static ProviderSetting secret(String key, String label, boolean required) {
        return new ProviderSetting(key, label, required, true, null, List.of());
    }

    public static ProviderSetting choice(String key, String label, String defaultValue, String... choices) {
        return new ProviderSetting(key, label, true, false, defaultValue, List.of(choices));
    }
}
