package org.secure2fa.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hosted service's payload encryption: {@code Base64(iv ‖ AES-256-CBC(plaintext))} under the
 * project's 32-character secret key used as raw ASCII bytes.
 *
 * <p>Decryption accepts every encoding the seed's clients produce: Base64 with line breaks (Ruby's
 * {@code encode64}), standard or URL-safe alphabets, missing {@code =}, a {@code +} turned into a
 * space by careless form encoding; PKCS#7 padding (Ruby, PHP) or 1–16 trailing spaces (the Python
 * example). Every failure is the same empty result, so callers cannot tell bad Base64 from bad
 * padding from a wrong key: there is no padding oracle to query.
 */
public final class PayloadCipher {

    private static final int BLOCK = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Cipher.getInstance looks the algorithm up among the providers on every call, a measured few per
     * cent of a generate's CPU: a cipher per thread, initialised afresh for each payload, is reused.
     */
    private static final ThreadLocal<Cipher> DECRYPTERS = ThreadLocal.withInitial(() -> cipher("AES/CBC/NoPadding"));
    private static final ThreadLocal<Cipher> ENCRYPTERS = ThreadLocal.withInitial(() -> cipher("AES/CBC/PKCS5Padding"));

    private PayloadCipher() {
    }

    private static Cipher cipher(String transformation) {
        try {
            return Cipher.getInstance(transformation);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is not available", e);
        }
    }

    /** The AES key a project's secret key stands for, or empty if it is not 32 ASCII characters. */
    public static Optional<SecretKeySpec> keyOf(String secretKey) {
        if (secretKey == null || secretKey.length() != 32
                || !StandardCharsets.US_ASCII.newEncoder().canEncode(secretKey)) {
            return Optional.empty();
        }
        return Optional.of(new SecretKeySpec(secretKey.getBytes(StandardCharsets.US_ASCII), "AES"));
    }

    /** Decrypts a payload; empty for anything that is not a well-formed payload under this key. */
    public static Optional<String> decrypt(String encoded, SecretKeySpec key) {
        byte[] raw = decodeBase64(encoded);
        if (raw == null || raw.length < 2 * BLOCK || raw.length % BLOCK != 0 || key == null) {
            return Optional.empty();
        }
        byte[] plain;
        try {
            Cipher cipher = DECRYPTERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(raw, 0, BLOCK));
            plain = cipher.doFinal(raw, BLOCK, raw.length - BLOCK);
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
        int length = unpaddedLength(plain);
        if (length <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plain, 0, length)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Encrypts as the Ruby and PHP clients do (random IV, PKCS#7). Used by tests, the warm-up and the benchmark. */
    public static String encrypt(String plaintext, SecretKeySpec key) {
        byte[] iv = new byte[BLOCK];
        RANDOM.nextBytes(iv);
        return encrypt(plaintext, key, iv);
    }

    /**
     * Encrypts with the IV given, which must be fresh for each payload: for a load driver that prepares
     * a million payloads on every core at once, where one shared SecureRandom is the bottleneck.
     */
    public static String encrypt(String plaintext, SecretKeySpec key, byte[] iv) {
        try {
            Cipher cipher = ENCRYPTERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
            byte[] ct = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[BLOCK + ct.length];
            System.arraycopy(iv, 0, out, 0, BLOCK);
            System.arraycopy(ct, 0, out, BLOCK, ct.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC refused the key", e);
        }
    }

    /**
     * Length of the plaintext without its padding, or -1. PKCS#7 is recognised by its last byte
     * (1–16, repeated that many times); the Python example's padding is one or more spaces.
     */
    static int unpaddedLength(byte[] plain) {
        if (plain.length == 0) {
            return -1;
        }
        int last = plain[plain.length - 1] & 0xff;
        if (last >= 1 && last <= BLOCK) {
            int bad = 0;
            for (int i = plain.length - last; i < plain.length; i++) {
                bad |= (plain[i] & 0xff) ^ last;
            }
            return bad == 0 ? plain.length - last : -1;
        }
        if (last == ' ') {
            int end = plain.length;
            int floor = Math.max(0, plain.length - BLOCK);
            while (end > floor && plain[end - 1] == ' ') {
                end--;
            }
            return end;
        }
        return -1;
    }

    private static byte[] decodeBase64(String encoded) {
        if (encoded == null || encoded.isEmpty() || encoded.length() > 16_384) {
            return null;
        }
        StringBuilder clean = new StringBuilder(encoded.length() + 3);
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            switch (c) {
                case '\r', '\n', '\t' -> { }
                case ' ' -> clean.append('+');
                case '-' -> clean.append('+');
                case '_' -> clean.append('/');
                default -> clean.append(c);
            }
        }
        while (clean.length() % 4 != 0) {
            clean.append('=');
        }
        try {
            return Base64.getDecoder().decode(clean.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
