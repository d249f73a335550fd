package org.secure2fa.challenge.boundary;

/** How a verify call ended. A wrong code is a normal outcome, not an exception. */
public enum VerificationResult {
    VERIFIED,
    /** Wrong, expired, used or unknown: one answer for all of them. */
    REJECTED,
    /** The code is out of attempts, or the user is locked out. */
    EXHAUSTED,
    /** The IP address or user agent differs from the generate call's. */
    UNAUTHORIZED_DEVICE
}
