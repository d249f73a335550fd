package org.secure2fa.account.boundary;

/**
 * The answer to one sign-in step.
 *
 * @param outcome     what happened
 * @param accountId   the account, for {@code SECOND_FACTOR}, {@code ENROL} and {@code SIGNED_IN}
 * @param lockedUntil epoch millis the account stays locked until, for {@code LOCKED}
 * @param backupCodesLeft for {@code SIGNED_IN} with a backup code: how many unused ones are left; else null
 */
public record SignIn(Outcome outcome, Long accountId, long lockedUntil, Long backupCodesLeft) {

    public enum Outcome {
        /** Password right: ask for a TOTP or backup code. */
        SECOND_FACTOR,
        /** Password right, no authenticator app linked yet: continue the enrolment. */
        ENROL,
        /** Both factors right. */
        SIGNED_IN,
        /** Wrong email, password or code: one answer for all three. */
        WRONG,
        /** Too many failures: no check is made until the lock ends. */
        LOCKED,
        /** An administrator disabled the account. */
        DISABLED
    }

    static SignIn locked(long lockedUntil) {
        return new SignIn(Outcome.LOCKED, null, lockedUntil, null);
    }

    static SignIn of(Outcome outcome, Long accountId) {
        return new SignIn(outcome, accountId, 0, null);
    }
}
