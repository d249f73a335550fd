package org.secure2fa.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.secure2fa.account.entity.Account;
import org.secure2fa.audit.control.AuditLog;

/**
 * Counts failed sign-in steps (password, second factor, fresh codes) against an account, whose row the
 * caller holds locked so parallel guesses count one by one; after {@code otp.console.lock-after}
 * failures the account is locked, for a period that doubles with each further failure.
 */
@ApplicationScoped
public class Lockout {

    @Inject
    AccountConfig config;

    @Inject
    AuditLog audit;

    /** Counts and audits one failure; answers when the account is now locked until, or 0 when it is not. */
    public long fail(Account account, String action, String outcome, String ip, long now) {
        int failures = account.getFailedSignins() + 1;
        long lockMillis = lockMillis(failures, config.lockAfter(), config.lockMinutes(), config.lockMaxMinutes());
        long lockUntil = lockMillis == 0 ? 0 : now + lockMillis;
        account.countFailure(lockUntil);
        audit.console(account.getId(), null, action, outcome, "failure " + failures, ip);
        return lockUntil;
    }

    /**
     * How long the {@code failures}-th consecutive failure locks the account: nothing before
     * {@code lockAfter}, then {@code baseMinutes}, doubling with each further failure up to {@code maxMinutes}.
     */
    static long lockMillis(int failures, int lockAfter, long baseMinutes, long maxMinutes) {
        if (failures < lockAfter) {
            return 0;
        }
        long minutes = Math.min(maxMinutes, baseMinutes << Math.min(20, failures - lockAfter));
        return minutes * 60_000L;
    }
}
