package org.secure2fa.challenge.entity;

/** The life of one generated code. */
public enum ChallengeStatus {
    /** Can be verified until it expires. */
    ACTIVE,
    /** Verified once; can never verify again. */
    VERIFIED,
    /** Replaced by a newer code for the same user. */
    SUPERSEDED,
    /** Out of attempts. */
    BURNED
}
