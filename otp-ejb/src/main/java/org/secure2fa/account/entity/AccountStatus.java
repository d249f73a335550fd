package org.secure2fa.account.entity;

/** Where an account is in its onboarding. */
public enum AccountStatus {
    /** Signed up; the emailed link has not been opened and no password is set. */
    PENDING,
    /** Password set; no authenticator app confirmed yet. */
    ENROLLING,
    /** Password and authenticator app: can sign in. */
    ACTIVE
}
