package org.secure2fa.delivery.provider;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.secure2fa.delivery.spi.CallbackRejectedException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the SMS providers share beyond {@link org.secure2fa.delivery.provider.http.ProviderHttp} and
 * {@link Webhooks}: phone number forms, XML answers, and the primitives their status callbacks are
 * signed with (HMACs and digests, the exact form fields of a body, sorted).
 */
final class SmsSupport {

    private SmsSupport() {
    }

    /** An E.164 number without its leading +, as APIs that take "international format" digits want it. */
    static String digits(String e164) {
        String number = e164 == null ? "" : e164.strip();
        return number.startsWith("+") ? number.substring(1) : number;
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

    /** The fields of an application/x-www-form-urlencoded body, decoded, in body order. */
    static List<Map.Entry<String, String>> formFields(String body) throws CallbackRejectedException {
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
            try {
                fields.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                throw new CallbackRejectedException("The callback body is not valid form encoding");
            }
        }
        return fields;
    }

    /** Fields sorted by name, then by value for a repeated name (Unix-style, case-sensitive). */
    static List<Map.Entry<String, String>> sorted(List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(fields);
        copy.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue(Comparator.naturalOrder())));
        return copy;
    }
}
