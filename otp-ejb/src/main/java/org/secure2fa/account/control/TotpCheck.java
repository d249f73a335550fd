package org.secure2fa.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.OptionalLong;
import org.secure2fa.account.entity.Account;
import org.secure2fa.audit.control.AuditLog;
import org.secure2fa.crypto.Keyring;

/**
 * Checks an account's authenticator code: at sign-in, and as a fresh code before a secret is shown
 * again or backup codes are renewed (re-authentication, which counts failures towards the lock).
 */
@ApplicationScoped
public class TotpCheck {

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    @Inject
    Keyring keyring;

    @Inject
    Lockout lockout;

    @Inject
    AuditLog audit;

    /** Whether the code is right for the account's key and a step later than the last used (which it becomes). */
    public boolean matches(Account account, String code, long now) {
        if (account.getTotpSealed() == null) {
            return false;
        }
        OptionalLong step = Totp.verify(Base32.decode(keyring.open(account.getTotpSealed())), code, now / 1000,
                account.getTotpLastStep());
        step.ifPresent(account::setTotpLastStep);
        return step.isPresent();
    }

    /**
     * Checks a fresh TOTP code before showing a secret again ({@code purpose} goes to the audit log);
     * locks the account's row, and a wrong code counts towards the lock. Runs in the caller's transaction.
     */
    public boolean reauthenticate(long accountId, String code, String purpose, String ip) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        long now = System.currentTimeMillis();
        if (account == null || account.isLocked(now)) {
            return false;
        }
        if (matches(account, typed(code), now)) {
            audit.console(accountId, null, "REAUTHENTICATE", "OK", purpose, ip);
            return true;
        }
        lockout.fail(account, "REAUTHENTICATE", "WRONG_TOTP", ip, now);
        return false;
    }

    /** A code as typed, without spaces. */
    public static String typed(String code) {
        return code == null ? "" : code.replace(" ", "").trim();
    }
}
