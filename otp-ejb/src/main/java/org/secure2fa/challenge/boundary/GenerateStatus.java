package org.secure2fa.challenge.boundary;

/** How a generate call ended. */
public enum GenerateStatus {
    /** A code was issued (and queued for delivery, unless the template was requested). */
    GENERATED,
    /** Unknown public key, or a payload that does not decrypt and parse to uuid#recipient: one answer for all. */
    INVALID_CREDENTIALS,
    /** The project has no channel or no template. */
    NOT_LINKED,
    /** A template request to a project that turned them off. */
    TEMPLATE_REQUESTS_OFF,
    /** Too many codes sent to this user in the window, or the user is locked out. */
    RATE_LIMITED,
    /** The delivery backlog is over its limit. */
    UNAVAILABLE
}
