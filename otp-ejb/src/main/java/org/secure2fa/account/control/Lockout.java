package org.secure2fa.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.secure2fa.account.entity.Account;
import org.secure2fa.account.entity.AccountStatus;
import org.secure2fa.audit.control.AuditLog;

/**
 * Counts failed sign-in steps (password, second factor, fresh codes) against an account, whose row the
 * caller holds locked so parallel guesses count one by one. Every {@code otp.console.lock-after}-th
 * failure locks the account: the first lock lasts {@code lock-minutes}, each further one twice as long
 * as the one before, up to {@code lock-max-minutes}. Nothing is counted while the account is locked, so
 * after a lock ends the account has a fresh set of {@code lock-after} tries, and a successful sign-in
 * starts everything over. The owner is mailed once per lock.
 */
@ApplicationScoped
public class Lockout {

    @Inject
    AccountConfig config;

    @Inject
    AccountMails mails;

    @Inject
    AuditLog audit;

    /** Counts and audits one failure; answers when the account is now locked until, or 0 when it is not. */
    public long fail(Account account, String action, String outcome, String ip, long now) {
        int failures = account.getFailedSignins() + 1;
        long lockMillis = lockMillis(failures, config.lockAfter(), config.lockMinutes(), config.lockMaxMinutes());
        long lockUntil = lockMillis == 0 ? 0 : now + lockMillis;
        account.countFailure(lockUntil);
        audit.console(account.getId(), null, action, outcome, "failure " + failures, ip);
        if (lockUntil > 0) {
            audit.console(account.getId(), null, "ACCOUNT_LOCKED", "OK", "until " + lockUntil, ip);
            if (account.getStatus() != AccountStatus.PENDING) { // an unconfirmed address is not mailed
                mails.lockedOut(account.getEmail(), lockUntil, failures);
            }
        }
        return lockUntil;
    }

    /**
     * How long the {@code failures}-th consecutive failure (counted since the last sign-in, none counted
     * while locked) locks the account: every {@code lockAfter}-th failure locks, the first time for
     * {@code baseMinutes}, doubling with each further lock up to {@code maxMinutes}; the failures in
     * between do not lock.
     */
    static long lockMillis(int failures, int lockAfter, long baseMinutes, long maxMinutes) {
        if (failures < lockAfter || failures % lockAfter != 0) {
            return 0;
        }
        int earlierLocks = failures / lockAfter - 1;
        long minutes = Math.min(maxMinutes, baseMinutes << Math.min(20, earlierLocks));
        return minutes * 60_000L;
    }

    /**
     * The end of a lock as people are told it, in whole minutes: rounded up, so an account said to be
     * locked until 21:29 is open at 21:29 (it ends at 21:28:07, not at 21:29:07).
     */
    public static long endToTheMinute(long lockedUntil) {
        return -Math.floorDiv(-lockedUntil, 60_000L) * 60_000L;
    }
}
