package org.secure2fa.delivery.spi;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A delivery-status callback as it reached us, raw, so a provider can verify its signature exactly as
 * it documents it.
 *
 * @param url     the full URL the provider called, as it knows it (public base URL + path + query):
 *                Twilio and Plivo sign it
 * @param headers header names in lower case
 * @param body    the raw body, form or JSON, for the provider to read as it signs it
 * @param params  the query parameters
 */
public record CallbackRequest(String method, String url, Map<String, List<String>> headers, String body,
                              Map<String, List<String>> params) {

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public Optional<String> param(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
