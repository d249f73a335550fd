package org.secure2fa.project.control;

import java.security.SecureRandom;
import java.util.HexFormat;

/** New project keys: a public key of 32 lowercase hex characters, a secret of 32 base62 characters (190 bits). */
public final class KeyMaterial {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private KeyMaterial() {
    }

    public static String newPublicKey() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static String newSecretKey() {
        StringBuilder key = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            key.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
        }
        return key.toString();
    }
}
