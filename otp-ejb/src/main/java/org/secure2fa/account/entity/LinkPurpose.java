package org.secure2fa.account.entity;

/** What an emailed link is for. */
public enum LinkPurpose {
    /** Confirms a new account's address and sets its first password (valid 24 hours). */
    CONFIRM,
    /** Sets a new password for an account that has one (valid one hour). */
    RESET,
    /** Confirms a new address for an account, sent to that address (valid one hour); bound to the address. */
    EMAIL
}
