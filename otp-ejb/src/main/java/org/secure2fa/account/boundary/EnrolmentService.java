package org.secure2fa.account.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.secure2fa.account.control.BackupCodes;
import org.secure2fa.account.control.Base32;
import org.secure2fa.account.control.Totp;
import org.secure2fa.account.control.TotpCheck;
import org.secure2fa.account.entity.Account;
import org.secure2fa.account.entity.AccountStatus;
import org.secure2fa.audit.control.AuditLog;
import org.secure2fa.crypto.Keyring;
import org.secure2fa.platform.boundary.ConflictException;
import org.secure2fa.platform.boundary.InvalidInputException;

/**
 * An account's second factor: linking an authenticator app (a new key, confirmed with a current code),
 * and the ten backup codes, shown once at enrolment and renewable after a fresh code.
 */
@Stateless
public class EnrolmentService {

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    @Inject
    Keyring keyring;

    @Inject
    TotpCheck totp;

    @Inject
    BackupCodes backupCodes;

    @Inject
    AuditLog audit;

    /** A new authenticator key for an account that is enrolling (each call replaces the last). */
    public Enrolment startEnrolment(long accountId) {
        Account account = enrolling(accountId);
        byte[] key = Totp.newKey();
        account.setTotpSealed(keyring.seal(Base32.encode(key)));
        account.setTotpLastStep(-1);
        return new Enrolment(Base32.encode(key), Totp.otpauthUri("Secure 2FA", account.getEmail(), key));
    }

    /** Confirms the authenticator app with a current code; answers the ten backup codes, shown once. */
    public List<String> confirmEnrolment(long accountId, String code, String ip) {
        Account account = enrolling(accountId);
        if (account.getTotpSealed() == null) {
            throw new InvalidInputException("code", "Scan the QR code first.");
        }
        long now = System.currentTimeMillis();
        OptionalLong step = Totp.verify(Base32.decode(keyring.open(account.getTotpSealed())), TotpCheck.typed(code),
                now / 1000, account.getTotpLastStep());
        if (step.isEmpty()) {
            throw new InvalidInputException("code", "That code is not right. Check the app's clock and enter the current code.");
        }
        account.setTotpLastStep(step.getAsLong());
        account.setStatus(AccountStatus.ACTIVE);
        account.signedIn(now);
        List<String> codes = backupCodes.replace(account.getId());
        audit.console(account.getId(), null, "TOTP_LINKED", "OK", null, ip);
        return codes;
    }

    /**
     * Ten new backup codes in place of all the old ones, after a fresh TOTP code; empty when the code is
     * not right (which counts as a failure).
     */
    public Optional<List<String>> renewBackupCodes(long accountId, String totpCode, String ip) {
        if (!totp.reauthenticate(accountId, totpCode, "new backup codes", ip)) {
            return Optional.empty();
        }
        List<String> codes = backupCodes.replace(accountId);
        audit.console(accountId, null, "BACKUP_CODES_RENEWED", "OK", null, ip);
        return Optional.of(codes);
    }

    /** How many of the account's backup codes are unused. */
    public long backupCodesLeft(long accountId) {
        return backupCodes.left(accountId);
    }

    private Account enrolling(long accountId) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null || account.getStatus() != AccountStatus.ENROLLING) {
            throw new ConflictException("This account is not waiting for an authenticator app.");
        }
        return account;
    }
}
