package org.secure2fa.challenge.boundary;

/**
 * A generate call as the API received it, after syntactic checks of the clear-text fields.
 *
 * @param lang a lower-case two-letter code, or null for the template's first language
 */
public record GenerateCommand(String publicKey, String encryptedData, String lang, String ipAddress,
                              String userAgent, boolean templateRequest) {
}
