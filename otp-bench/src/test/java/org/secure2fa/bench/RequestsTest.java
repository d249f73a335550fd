package org.secure2fa.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.secure2fa.crypto.PayloadCipher;

class RequestsTest {

    private static final SecretKeySpec KEY = PayloadCipher.keyOf("abcdefghijklmnopqrstuvwxyz012345").orElseThrow();
    private static final Requests REQUESTS = new Requests("0123456789abcdef0123456789abcdef", KEY);

    @Test
    void theServersCipherDecryptsWhatTheDriverEncrypts() {
        String form = REQUESTS.verifyForm("bench-x-gen-42", "012345");
        String data = URLDecoder.decode(form.substring(form.indexOf("encrypted_data=") + 15), StandardCharsets.UTF_8);

        assertEquals(Optional.of("bench-x-gen-42#012345"), PayloadCipher.decrypt(data, KEY));
    }

    @Test
    void everyPayloadHasItsOwnIv() {
        assertNotEquals(REQUESTS.encrypt("same"), REQUESTS.encrypt("same"));
    }

    @Test
    void aPostIsTheHeadAndTheFormInOneBuffer() {
        byte[] request = Requests.post(Endpoint.of("http://localhost:8080/base"), "/otp/verify", "a=b");

        String text = new String(request, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("POST /base/otp/verify HTTP/1.1\r\nHost: localhost:8080\r\n"), text);
        assertTrue(text.endsWith("Content-Length: 3\r\n\r\na=b"), text);
    }
}
