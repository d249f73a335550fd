package org.secure2fa.delivery.provider;

import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.secure2fa.delivery.provider.http.ProviderHttp;
import org.secure2fa.delivery.spi.CallbackRejectedException;

/** What the webhook verifiers share: constant-time comparison, freshness, required settings, JSON. */
final class Webhooks {

    /** A signed callback whose timestamp is further than this from now is refused (replay). */
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    private Webhooks() {
    }

    /** Whether two secrets are equal, in time that depends on neither (both are hashed first). */
    static boolean sameSecret(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(expected), sha256(given));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refuses a Unix timestamp (seconds) that is not a number or not within {@link #MAX_AGE} of now. */
    static void requireFresh(String epochSeconds, Clock clock) throws CallbackRejectedException {
        long then;
        try {
            then = Long.parseLong(epochSeconds.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new CallbackRejectedException("The callback timestamp is not a number");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - then) > MAX_AGE.toSeconds()) {
            throw new CallbackRejectedException("The callback timestamp is stale (" + (now - then) + " s old)");
        }
    }

    /** A webhook setting that must be there for any callback to be believed. */
    static String setting(Map<String, String> settings, String key) throws CallbackRejectedException {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            throw new CallbackRejectedException("The channel has no " + key + " to verify callbacks with");
        }
        return value.strip();
    }

    /** The body as any JSON value, or null when it is not JSON. */
    static JsonValue json(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (var reader = ProviderHttp.JSON.createReader(new StringReader(body))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A JSON value's string, or null when it is absent or not a string. */
    static String string(JsonValue value) {
        return value instanceof jakarta.json.JsonString s ? s.getString() : null;
    }
}
