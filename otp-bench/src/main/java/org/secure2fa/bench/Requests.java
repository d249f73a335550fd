package org.secure2fa.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.spec.SecretKeySpec;
import org.secure2fa.crypto.PayloadCipher;

/**
 * Requests prepared as the bytes written on the wire, so that the timed loop does nothing but write
 * them: no encryption, no encoding, no string building while the clock runs.
 *
 * <p>{@code encrypted_data} comes from {@code PayloadCipher.encrypt} with IVs from
 * {@link ThreadLocalRandom}: drawn from one shared SecureRandom, they made preparing a million payloads
 * on all cores take a minute. A benchmark's IVs need to differ, not to be unpredictable.
 */
final class Requests {

    /** One fixed recipient is fine: the service limits sends per uuid, not per address. */
    private static final String EMAIL = "bench@example.com";
    private static final int IV_BYTES = 16;

    private final String publicKey;
    private final SecretKeySpec key;

    Requests(String publicKey, SecretKeySpec key) {
        this.publicKey = publicKey;
        this.key = key;
    }

    /** A generate form body as a client sends it; also the body of the noop and nginx targets. */
    String generateForm(String uuid, boolean templateRequest) {
        String form = "public_key=" + encode(publicKey) + "&encrypted_data=" + encode(encrypt(uuid + "#" + EMAIL));
        return templateRequest ? form + "&template_request=true" : form;
    }

    String verifyForm(String uuid, String code) {
        return "public_key=" + encode(publicKey) + "&encrypted_data=" + encode(encrypt(uuid + "#" + code));
    }

    static byte[] post(Endpoint endpoint, String path, String form) {
        byte[] body = form.getBytes(StandardCharsets.US_ASCII);
        String head = "POST " + endpoint.path(path) + " HTTP/1.1\r\n"
                + "Host: " + endpoint.hostHeader() + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    String encrypt(String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        ThreadLocalRandom.current().nextBytes(iv);
        return PayloadCipher.encrypt(plaintext, key, iv);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
