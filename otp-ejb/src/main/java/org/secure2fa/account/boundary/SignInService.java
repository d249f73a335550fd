package org.secure2fa.account.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.secure2fa.account.control.Accounts;
import org.secure2fa.account.control.BackupCodes;
import org.secure2fa.account.control.Lockout;
import org.secure2fa.account.control.PasswordHashes;
import org.secure2fa.account.control.TotpCheck;
import org.secure2fa.account.entity.Account;
import org.secure2fa.account.entity.AccountStatus;
import org.secure2fa.audit.control.AuditLog;
import org.secure2fa.challenge.control.Recipients;

/**
 * Sign-in: the password, then a TOTP or backup code. Every failed step counts against the account
 * (row-locked, so parallel guesses count one by one) and may lock it ({@link Lockout}). Also says
 * whether a signed-in session may go on.
 */
@Stateless
public class SignInService {

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Lockout lockout;

    @Inject
    TotpCheck totp;

    @Inject
    BackupCodes backupCodes;

    @Inject
    AuditLog audit;

    /** The password step of a sign-in. */
    public SignIn signIn(String rawEmail, String password, String ip) {
        String email = Accounts.normalizeEmail(rawEmail);
        Optional<Account> found = accounts.byEmail(email);
        if (found.isEmpty()) {
            PasswordHashes.spendEquivalentTime(password);
            audit.console(null, null, "SIGN_IN", "UNKNOWN_EMAIL", Recipients.mask(email), ip);
            return SignIn.of(SignIn.Outcome.WRONG, null);
        }
        Account account = em.find(Account.class, found.get().getId(), LockModeType.PESSIMISTIC_WRITE);
        long now = now();
        if (account.isLocked(now)) {
            PasswordHashes.spendEquivalentTime(password); // as long as any other answer
            audit.console(account.getId(), null, "SIGN_IN", "LOCKED", null, ip);
            return SignIn.locked(account.getLockedUntil());
        }
        if (!PasswordHashes.matches(password, account.getPasswordHash())) {
            if (account.getPasswordHash() == null) {
                PasswordHashes.spendEquivalentTime(password);
            }
            return failure(account, "WRONG_PASSWORD", ip, now);
        }
        if (account.isDisabled()) {
            audit.console(account.getId(), null, "SIGN_IN", "DISABLED", null, ip);
            return SignIn.of(SignIn.Outcome.DISABLED, null);
        }
        return SignIn.of(account.getStatus() == AccountStatus.ENROLLING ? SignIn.Outcome.ENROL
                : SignIn.Outcome.SECOND_FACTOR, account.getId());
    }

    /**
     * The second step: a TOTP code (six digits; a time step already used is refused) or one of the
     * backup codes (each works once). The failure count is reset only here, when both steps passed.
     */
    public SignIn secondFactor(long accountId, long passwordCheckedAt, String code, String ip) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        long now = now();
        if (account == null || account.getStatus() != AccountStatus.ACTIVE || account.isDisabled()
                || (account.getCredentialsChangedAt() != null && account.getCredentialsChangedAt() > passwordCheckedAt)) {
            return SignIn.of(SignIn.Outcome.WRONG, null); // a password checked before a reset counts no more
        }
        if (account.isLocked(now)) {
            audit.console(account.getId(), null, "SIGN_IN", "LOCKED", null, ip);
            return SignIn.locked(account.getLockedUntil());
        }
        String typed = TotpCheck.typed(code);
        boolean ok;
        String how;
        if (typed.matches("\\d{6}")) {
            ok = totp.matches(account, typed, now);
            how = "TOTP";
        } else {
            ok = backupCodes.use(account.getId(), typed);
            how = "BACKUP_CODE";
        }
        if (!ok) {
            return failure(account, "WRONG_" + how, ip, now);
        }
        account.signedIn(now);
        audit.console(account.getId(), null, "SIGN_IN", "OK_" + how, null, ip);
        return new SignIn(SignIn.Outcome.SIGNED_IN, account.getId(), 0,
                "BACKUP_CODE".equals(how) ? backupCodes.left(account.getId()) : null);
    }

    /**
     * Whether a session signed in at {@code signedInAt} may still use the console (checked on every
     * console request): not if the account was disabled, or its password changed since.
     */
    public boolean isUsable(long accountId, long signedInAt) {
        Account account = em.find(Account.class, accountId);
        return account != null && !account.isDisabled() && account.getStatus() == AccountStatus.ACTIVE
                && (account.getCredentialsChangedAt() == null || account.getCredentialsChangedAt() <= signedInAt);
    }

    /** The account as the console shows it. */
    public AccountView account(long accountId) {
        return AccountView.of(em.find(Account.class, accountId));
    }

    private SignIn failure(Account account, String outcome, String ip, long now) {
        long lockUntil = lockout.fail(account, "SIGN_IN", outcome, ip, now);
        return lockUntil > 0 ? SignIn.locked(lockUntil) : SignIn.of(SignIn.Outcome.WRONG, null);
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
