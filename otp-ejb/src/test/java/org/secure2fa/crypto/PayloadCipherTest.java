package org.secure2fa.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The payload cipher against the encodings of the seed's Ruby, PHP and Python clients. */
class PayloadCipherTest {

    private static final String SECRET = "MvZ8V47mw6HL3Ug74vuVcxILVwcQFsw8";
    private static final SecretKeySpec KEY = PayloadCipher.keyOf(SECRET).orElseThrow();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Ruby: Base64.encode64(iv + cipher.update + cipher.final): PKCS#7, a newline every 60 characters. */
    static String ruby(String plain) {
        byte[] raw = rawPkcs7(plain);
        String b64 = Base64.getEncoder().encodeToString(raw);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < b64.length(); i += 60) {
            lines.append(b64, i, Math.min(b64.length(), i + 60)).append('\n');
        }
        return lines.toString();
    }

    /** PHP: base64_encode($iv . openssl_encrypt(..., OPENSSL_RAW_DATA, $iv)): PKCS#7, one line. */
    static String php(String plain) {
        return Base64.getEncoder().encodeToString(rawPkcs7(plain));
    }

    /** Python: pads with 16 - len % 16 spaces (never PKCS#7), then AES-CBC without padding. */
    static String python(String plain) {
        int padding = 16 - plain.length() % 16;
        return Base64.getEncoder().encodeToString(raw(plain + " ".repeat(padding), "AES/CBC/NoPadding"));
    }

    private static byte[] rawPkcs7(String plain) {
        return raw(plain, "AES/CBC/PKCS5Padding");
    }

    private static byte[] raw(String plain, String transformation) {
        try {
            byte[] iv = new byte[16];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance(transformation);
            cipher.init(Cipher.ENCRYPT_MODE, KEY, new IvParameterSpec(iv));
            byte[] ct = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[16 + ct.length];
            System.arraycopy(iv, 0, out, 0, 16);
            System.arraycopy(ct, 0, out, 16, ct.length);
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"u1#alice@example.com", "42#+14155552671", "a#b", "0123456789abcd#e",
            "user-with-a-rather-long-identifier-0123456789#someone.with.a.long.address@sub.example.co.uk",
            "ünïcödé#x@example.com", "exactly-16-bytes"})
    void decryptsAllThreeClientEncodings(String plain) {
        assertEquals(Optional.of(plain), PayloadCipher.decrypt(ruby(plain), KEY), "ruby");
        assertEquals(Optional.of(plain), PayloadCipher.decrypt(php(plain), KEY), "php");
        if (plain.chars().allMatch(c -> c < 128)) {
            // the Python example pads by characters, not bytes: it only works for ASCII payloads
            assertEquals(Optional.of(plain), PayloadCipher.decrypt(python(plain), KEY), "python");
        }
        assertEquals(Optional.of(plain), PayloadCipher.decrypt(PayloadCipher.encrypt(plain, KEY), KEY), "java");
    }

    @Test
    void acceptsUrlSafeAlphabetMissingPaddingAndSpacesForPlus() {
        String plain = "u1#alice@example.com";
        for (int i = 0; i < 50; i++) {
            String standard = php(plain);
            String urlSafe = standard.replace('+', '-').replace('/', '_').replace("=", "");
            String plusAsSpace = standard.replace('+', ' ');
            assertEquals(Optional.of(plain), PayloadCipher.decrypt(urlSafe, KEY));
            assertEquals(Optional.of(plain), PayloadCipher.decrypt(plusAsSpace, KEY));
        }
    }

    @Test
    void rejectsEverythingMalformedAlike() {
        String valid = php("u1#alice@example.com");
        SecretKeySpec otherKey = PayloadCipher.keyOf("00000000000000000000000000000000").orElseThrow();
        for (String bad : new String[] {"", "not base64 !!!", "AAAA", valid.substring(0, 20),
                Base64.getEncoder().encodeToString(new byte[33]), Base64.getEncoder().encodeToString(new byte[16])}) {
            assertEquals(Optional.empty(), PayloadCipher.decrypt(bad, KEY), bad);
        }
        Optional<String> wrongKey = PayloadCipher.decrypt(valid, otherKey);
        assertTrue(wrongKey.isEmpty() || !wrongKey.get().equals("u1#alice@example.com"));
        assertEquals(Optional.empty(), PayloadCipher.decrypt(null, KEY));
    }

    @Test
    void rejectsBrokenPadding() {
        assertEquals(-1, PayloadCipher.unpaddedLength(new byte[] {'a', 'b', 3, 3}));
        assertEquals(-1, PayloadCipher.unpaddedLength(new byte[] {'a', 'b', 0}));
        assertEquals(-1, PayloadCipher.unpaddedLength(new byte[] {'a', 'b', 17}));
        assertEquals(2, PayloadCipher.unpaddedLength(new byte[] {'a', 'b', 2, 2}));
        assertEquals(2, PayloadCipher.unpaddedLength(new byte[] {'a', 'b', ' ', ' '}));
        assertEquals(0, PayloadCipher.unpaddedLength("                ".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void secretKeysMustBe32AsciiCharacters() {
        assertTrue(PayloadCipher.keyOf("short").isEmpty());
        assertTrue(PayloadCipher.keyOf("é".repeat(32)).isEmpty());
        assertTrue(PayloadCipher.keyOf(SECRET).isPresent());
    }

    @Test
    void encryptionUsesAFreshIvEachTime() {
        assertNotEquals(PayloadCipher.encrypt("u1#x@example.com", KEY), PayloadCipher.encrypt("u1#x@example.com", KEY));
    }
}
