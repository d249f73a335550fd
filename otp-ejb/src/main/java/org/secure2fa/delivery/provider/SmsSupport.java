package org.secure2fa.delivery.provider;

import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.secure2fa.delivery.provider.http.ProviderHttp;
import org.secure2fa.delivery.provider.http.ProviderHttp.Answer;
import org.secure2fa.delivery.spi.CallbackRejectedException;
import org.secure2fa.delivery.spi.DeliveryReceipt;

/**
 * What the SMS providers share beyond {@link ProviderHttp}: mapping an answer whose body decides the
 * outcome (some SMS APIs answer 200 for a refusal, or 400 for throttling), phone number forms, and the
 * primitives their status callbacks are verified with (HMACs, constant-time comparison, the exact form
 * fields of a body, timestamp freshness).
 */
final class SmsSupport {

    /** Callbacks whose own timestamp is older (or further ahead) than this are refused as replays. */
    static final long MAX_CALLBACK_AGE_SECONDS = 600;

    private SmsSupport() {
    }

    /** Sends, and maps whatever answer came back with {@code mapper}; no answer at all is retried. */
    static DeliveryReceipt send(HttpRequest request, Function<Answer, DeliveryReceipt> mapper) {
        try {
            return mapper.apply(ProviderHttp.send(request));
        } catch (ProviderHttp.NoAnswer e) {
            return DeliveryReceipt.retry(e.getMessage());
        }
    }

    /** The usual mapping of an answer: 2xx accepted, 408/425/429/5xx retried, other 4xx rejected. */
    static DeliveryReceipt usual(Answer answer, Function<Answer, String> messageId, Predicate<Answer> recipientFault) {
        if (answer.isSuccess()) {
            return DeliveryReceipt.accepted(messageId.apply(answer));
        }
        if (answer.isTransient()) {
            return DeliveryReceipt.retry(answer.describe());
        }
        return recipientFault.test(answer) ? DeliveryReceipt.rejectedRecipient(answer.describe())
                : DeliveryReceipt.rejected(answer.describe());
    }

    /** An E.164 number without its leading +, as APIs that take "international format" digits want it. */
    static String digits(String e164) {
        String number = e164 == null ? "" : e164.strip();
        return number.startsWith("+") ? number.substring(1) : number;
    }

    /** The setting, stripped, or null when it is absent or blank. */
    static String optional(Map<String, String> settings, String key) {
        String value = settings.get(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The text between {@code <tag>} and {@code </tag>} in an XML answer, if there. */
    static String xmlText(String xml, String tag) {
        if (xml == null) {
            return null;
        }
        Matcher matcher = Pattern.compile("<" + tag + ">([^<]*)</" + tag + ">").matcher(xml);
        return matcher.find() ? matcher.group(1).strip() : null;
    }

    // --- callback verification ---------------------------------------------------------------------

    static byte[] hmac(String algorithm, String key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] digest(String algorithm, String data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares without leaking, through timing, how much of a forged signature was right. */
    static boolean constantTimeEquals(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    /** The fields of an application/x-www-form-urlencoded body, decoded, in body order. */
    static List<Map.Entry<String, String>> formFields(String body) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        if (body == null || body.isBlank()) {
            return fields;
        }
        for (String pair : body.strip().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            fields.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return fields;
    }

    /** Fields sorted by name, then by value for a repeated name (Unix-style, case-sensitive). */
    static List<Map.Entry<String, String>> sorted(List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(fields);
        copy.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue(Comparator.naturalOrder())));
        return copy;
    }

    /** The secret a callback is verified with, or a rejection when the channel has none configured. */
    static String secret(Map<String, String> settings, String key) throws CallbackRejectedException {
        String value = optional(settings, key);
        if (value == null) {
            throw new CallbackRejectedException("The channel has no " + key + " to verify callbacks with");
        }
        return value;
    }

    /** Refuses a callback whose Unix timestamp (seconds) is missing, malformed or not within 10 minutes. */
    static void requireFresh(String unixSeconds, Instant now) throws CallbackRejectedException {
        long timestamp;
        try {
            timestamp = Long.parseLong(unixSeconds == null ? "" : unixSeconds.strip());
        } catch (NumberFormatException e) {
            throw new CallbackRejectedException("Callback without a valid timestamp");
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > MAX_CALLBACK_AGE_SECONDS) {
            throw new CallbackRejectedException("Stale callback: timestamp " + timestamp);
        }
    }
}
