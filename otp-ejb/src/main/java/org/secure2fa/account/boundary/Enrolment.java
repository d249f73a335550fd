package org.secure2fa.account.boundary;

/** An authenticator app to link: the key in Base32 (to type) and as an otpauth URI (for the QR code). */
public record Enrolment(String base32Key, String otpauthUri) {

    @Override
    public String toString() {
        return "Enrolment[key hidden]";
    }
}
