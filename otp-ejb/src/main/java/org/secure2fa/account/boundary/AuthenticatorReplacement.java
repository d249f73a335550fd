package org.secure2fa.account.boundary;

/**
 * A new authenticator app to link in place of the current one: its key (to type and, as an otpauth URI,
 * for the QR code) and a sealed ticket that carries the key and proves a fresh code from the current app
 * was given; the ticket is handed back with a code from the new app.
 */
public record AuthenticatorReplacement(String base32Key, String otpauthUri, String ticket) {

    @Override
    public String toString() {
        return "AuthenticatorReplacement[key hidden]";
    }
}
