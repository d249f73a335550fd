package org.secure2fa.challenge.control;

import java.util.Optional;

/**
 * A decrypted payload, {@code uuid#value}: split at the first {@code #}, so a uuid cannot contain one.
 */
public record Payload(String uuid, String value) {

    private static final int MAX_UUID = 255;

    public static Optional<Payload> parse(String plaintext) {
        int hash = plaintext.indexOf('#');
        if (hash <= 0 || hash > MAX_UUID || hash == plaintext.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new Payload(plaintext.substring(0, hash), plaintext.substring(hash + 1).trim()));
    }

    @Override
    public String toString() {
        return "Payload[hidden]";
    }
}
