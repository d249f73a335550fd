package org.secure2fa.challenge.boundary;

/** A verify call as the API received it. */
public record VerifyCommand(String publicKey, String encryptedData, String ipAddress, String userAgent) {
}
