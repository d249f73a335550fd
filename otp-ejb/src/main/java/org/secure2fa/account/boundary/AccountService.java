package org.secure2fa.account.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.secure2fa.account.control.BackupCodes;
import org.secure2fa.account.control.Base32;
import org.secure2fa.account.control.PasswordHashes;
import org.secure2fa.account.control.PasswordPolicy;
import org.secure2fa.account.control.SystemMail;
import org.secure2fa.account.control.Totp;
import org.secure2fa.account.entity.Account;
import org.secure2fa.account.entity.AccountStatus;
import org.secure2fa.audit.control.AuditLog;
import org.secure2fa.challenge.control.Recipients;
import org.secure2fa.crypto.Keyring;
import org.secure2fa.platform.boundary.ConflictException;
import org.secure2fa.platform.boundary.InvalidInputException;
import org.secure2fa.platform.boundary.NotFoundException;
import org.secure2fa.platform.boundary.NotPermittedException;

/**
 * Console accounts. Sign-up takes an email only and mails a link; the link sets the password; an
 * authenticator app is linked and confirmed; ten backup codes are shown once. Sign-in is password,
 * then a TOTP or backup code. Every failed step counts against the account (row-locked, so parallel
 * guesses count one by one); after {@code otp.console.lock-after} failures the account is locked,
 * for a period that doubles with each further failure.
 */
@Stateless
public class AccountService {

    /** The purposes of an emailed link ({@link #linkPurpose}). */
    public static final String CONFIRM = "CONFIRM";
    public static final String RESET = "RESET";
    private static final long CONFIRM_TTL_MS = 24 * 3_600_000L;
    private static final long RESET_TTL_MS = 3_600_000L;
    /** At most one mail per address in this time, whatever the form. */
    private static final long THROTTLE_MS = 120_000L;
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    @Inject
    Keyring keyring;

    @Inject
    SystemMail mail;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "otp.console.admin-email")
    Optional<String> adminEmail;

    @Inject
    @ConfigProperty(name = "otp.console.lock-after", defaultValue = "5")
    int lockAfter;

    @Inject
    @ConfigProperty(name = "otp.console.lock-minutes", defaultValue = "1")
    long lockMinutes;

    @Inject
    @ConfigProperty(name = "otp.console.lock-max-minutes", defaultValue = "60")
    long lockMaxMinutes;

    /**
     * Starts a sign-up: mails a confirmation link. The answer is the same whether or not the address
     * already has an account (an existing owner is told by mail instead), so the form reveals nothing.
     */
    public void signUp(String rawEmail, String consoleUrl, String ip) {
        String email = normalizeEmail(rawEmail);
        Optional<Account> existing = byEmail(email);
        if (existing.isPresent() && existing.get().getStatus() != AccountStatus.PENDING) {
            Account owner = existing.get();
            if (owner.getNoticeSentAt() != null && owner.getNoticeSentAt() > now() - THROTTLE_MS) {
                return; // told a moment ago: no mail bombing through this form
            }
            owner.setNoticeSentAt(now());
            mail.sendLater(email, "Your Secure 2FA account",
                    "Someone (perhaps you) tried to sign up with this address, which already has an account.\n\n"
                            + "To sign in: " + consoleUrl + "/signin.xhtml\n"
                            + "Forgot your password? " + consoleUrl + "/reset.xhtml\n");
            return;
        }
        if (existing.isPresent() && issuedRecently(existing.get())) {
            return; // one link per address every few minutes: no mail bombing through this form
        }
        Account account = existing.orElseGet(() -> {
            boolean admin = adminEmail.filter(a -> !a.isBlank())
                    .map(a -> a.strip().toLowerCase(Locale.ROOT).equals(email))
                    .orElseGet(() -> em.createNamedQuery("Account.count", Long.class).getSingleResult() == 0);
            Account fresh = new Account(email, admin, System.currentTimeMillis());
            em.persist(fresh);
            em.flush();
            return fresh;
        });
        String token = issueToken(account, CONFIRM, CONFIRM_TTL_MS);
        audit.console(account.getId(), null, "SIGN_UP", "LINK_SENT", Recipients.mask(email), ip);
        mail.sendLater(email, "Confirm your Secure 2FA account",
                "Welcome to Secure 2FA.\n\nOpen this link within 24 hours to confirm your address and choose a password:\n"
                        + consoleUrl + "/link.xhtml?token=" + token + "\n\n"
                        + "If you did not sign up, ignore this message.\n");
    }

    /** Mails a password-reset link to an account that has a password; answers the same either way. */
    public void requestReset(String rawEmail, String consoleUrl, String ip) {
        Optional<Account> found = byEmail(normalizeEmail(rawEmail));
        if (found.isEmpty() || found.get().getStatus() == AccountStatus.PENDING || issuedRecently(found.get())) {
            return;
        }
        Account account = found.get();
        String token = issueToken(account, RESET, RESET_TTL_MS);
        audit.console(account.getId(), null, "PASSWORD_RESET", "LINK_SENT", null, ip);
        mail.sendLater(account.getEmail(), "Reset your Secure 2FA password",
                "Open this link within an hour to choose a new password:\n"
                        + consoleUrl + "/link.xhtml?token=" + token + "\n\n"
                        + "Your authenticator app is still needed to sign in afterwards.\n"
                        + "If you did not ask for this, ignore this message; your password is unchanged.\n");
    }

    /** The purpose of a valid emailed link ({@code CONFIRM} or {@code RESET}), or empty. */
    public Optional<String> linkPurpose(String token) {
        return byToken(token, false).map(Account::getTokenPurpose);
    }

    /**
     * Sets the password through an emailed link, which is then used up. After a confirmation link the
     * account goes on to link an authenticator app; after a reset it signs in as usual (TOTP still needed).
     */
    public AccountView setPassword(String token, String password, String ip) {
        Account account = byToken(token, true)
                .orElseThrow(() -> new InvalidInputException(null, "This link is not valid any more. Ask for a new one."));
        PasswordPolicy.problem(password, account.getEmail()).ifPresent(problem -> {
            throw new InvalidInputException("password", problem);
        });
        account.changePassword(PasswordHashes.hash(password), now());
        boolean confirm = CONFIRM.equals(account.getTokenPurpose());
        if (confirm && account.getStatus() == AccountStatus.PENDING) {
            account.setStatus(AccountStatus.ENROLLING);
        }
        account.clearToken();
        audit.console(account.getId(), null, confirm ? "PASSWORD_SET" : "PASSWORD_RESET", "OK", null, ip);
        return AccountView.of(account);
    }

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
        OptionalLong step = Totp.verify(Base32.decode(keyring.open(account.getTotpSealed())), trim(code),
                now() / 1000, account.getTotpLastStep());
        if (step.isEmpty()) {
            throw new InvalidInputException("code", "That code is not right. Check the app's clock and enter the current code.");
        }
        account.setTotpLastStep(step.getAsLong());
        account.setStatus(AccountStatus.ACTIVE);
        account.signedIn(now());
        List<String> codes = storeNewBackupCodes(account.getId());
        audit.console(account.getId(), null, "TOTP_LINKED", "OK", null, ip);
        return codes;
    }

    /**
     * Ten new backup codes in place of all the old ones, after a fresh TOTP code; empty when the code is
     * not right (which counts as a failure).
     */
    public Optional<List<String>> renewBackupCodes(long accountId, String totpCode, String ip) {
        if (!reauthenticate(accountId, totpCode, "new backup codes", ip)) {
            return Optional.empty();
        }
        em.createNativeQuery("delete from backup_code where account_id = ?").setParameter(1, accountId).executeUpdate();
        List<String> codes = storeNewBackupCodes(accountId);
        audit.console(accountId, null, "BACKUP_CODES_RENEWED", "OK", null, ip);
        return Optional.of(codes);
    }

    private List<String> storeNewBackupCodes(long accountId) {
        List<String> codes = BackupCodes.generate();
        for (String backup : codes) {
            em.createNativeQuery("insert into backup_code (account_id, code_hash) values (?, ?)")
                    .setParameter(1, accountId).setParameter(2, backupHash(accountId, backup)).executeUpdate();
        }
        return codes;
    }

    /** The password step of a sign-in. */
    public SignIn signIn(String rawEmail, String password, String ip) {
        Optional<Account> found = byEmail(normalizeEmail(rawEmail));
        if (found.isEmpty()) {
            PasswordHashes.spendEquivalentTime(password);
            audit.console(null, null, "SIGN_IN", "UNKNOWN_EMAIL", Recipients.mask(normalizeEmail(rawEmail)), ip);
            return SignIn.of(SignIn.Outcome.WRONG, null);
        }
        Account account = em.find(Account.class, found.get().getId(), LockModeType.PESSIMISTIC_WRITE);
        long now = now();
        if (account.isLocked(now)) {
            PasswordHashes.spendEquivalentTime(password); // as long as any other answer
            audit.console(account.getId(), null, "SIGN_IN", "LOCKED", null, ip);
            return new SignIn(SignIn.Outcome.LOCKED, null, account.getLockedUntil());
        }
        if (!PasswordHashes.matches(password, account.getPasswordHash())) {
            if (account.getPasswordHash() == null) {
                PasswordHashes.spendEquivalentTime(password);
            }
            return failure(account, "SIGN_IN", "WRONG_PASSWORD", ip, now);
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
            return new SignIn(SignIn.Outcome.LOCKED, null, account.getLockedUntil());
        }
        String typed = trim(code);
        boolean ok;
        String how;
        if (typed.matches("\\d{6}")) {
            ok = totpMatches(account, typed, now);
            how = "TOTP";
        } else {
            ok = em.createNativeQuery("delete from backup_code where account_id = ? and code_hash = ?")
                    .setParameter(1, account.getId()).setParameter(2, backupHash(account.getId(), typed))
                    .executeUpdate() == 1;
            how = "BACKUP_CODE";
        }
        if (!ok) {
            return failure(account, "SIGN_IN", "WRONG_" + how, ip, now);
        }
        account.signedIn(now);
        audit.console(account.getId(), null, "SIGN_IN", "OK_" + how, null, ip);
        return SignIn.of(SignIn.Outcome.SIGNED_IN, account.getId());
    }

    /** Checks a fresh TOTP code before showing a secret again; failures count towards the lock. */
    public boolean reauthenticate(long accountId, String code, String purpose, String ip) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        long now = now();
        if (account == null || account.isLocked(now)) {
            return false;
        }
        if (totpMatches(account, trim(code), now)) {
            audit.console(accountId, null, "REAUTHENTICATE", "OK", purpose, ip);
            return true;
        }
        failure(account, "REAUTHENTICATE", "WRONG_TOTP", ip, now);
        return false;
    }

    public AccountView view(long accountId) {
        return AccountView.of(em.find(Account.class, accountId));
    }

    public long backupCodesLeft(long accountId) {
        return ((Number) em.createNativeQuery("select count(*) from backup_code where account_id = ?")
                .setParameter(1, accountId).getSingleResult()).longValue();
    }

    /** All accounts, for an administrator. */
    public List<AccountView> accounts(long adminId) {
        requireAdmin(adminId);
        return em.createNamedQuery("Account.all", Account.class).getResultList().stream().map(AccountView::of)
                .toList();
    }

    /** Disables or enables an account (an administrator cannot disable themself). */
    public void setDisabled(long adminId, long accountId, boolean disabled, String ip) {
        requireAdmin(adminId);
        if (adminId == accountId) {
            throw new ConflictException("You cannot disable your own account.");
        }
        Account account = Optional.ofNullable(em.find(Account.class, accountId))
                .orElseThrow(() -> new NotFoundException("Account"));
        account.setDisabled(disabled);
        audit.console(adminId, null, disabled ? "ACCOUNT_DISABLED" : "ACCOUNT_ENABLED", "OK",
                "account " + accountId, ip);
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

    private SignIn failure(Account account, String action, String outcome, String ip, long now) {
        int failures = account.getFailedSignins() + 1;
        long lockMillis = lockMillis(failures, lockAfter, lockMinutes, lockMaxMinutes);
        long lockUntil = lockMillis == 0 ? 0 : now + lockMillis;
        account.countFailure(lockUntil);
        audit.console(account.getId(), null, action, outcome, "failure " + failures, ip);
        return lockUntil > 0 ? new SignIn(SignIn.Outcome.LOCKED, null, lockUntil) : SignIn.of(SignIn.Outcome.WRONG, null);
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

    private boolean totpMatches(Account account, String code, long now) {
        if (account.getTotpSealed() == null) {
            return false;
        }
        OptionalLong step = Totp.verify(Base32.decode(keyring.open(account.getTotpSealed())), code, now / 1000,
                account.getTotpLastStep());
        step.ifPresent(account::setTotpLastStep);
        return step.isPresent();
    }

    private void requireAdmin(long adminId) {
        Account admin = em.find(Account.class, adminId);
        if (admin == null || !admin.isAdmin() || admin.isDisabled()) {
            throw new NotPermittedException("Only an administrator can do this.");
        }
    }

    private Account enrolling(long accountId) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null || account.getStatus() != AccountStatus.ENROLLING) {
            throw new ConflictException("This account is not waiting for an authenticator app.");
        }
        return account;
    }

    /** Whether a link went to this account in the last two minutes. */
    private static boolean issuedRecently(Account account) {
        if (account.getTokenExpiresAt() == null) {
            return false;
        }
        long ttl = CONFIRM.equals(account.getTokenPurpose()) ? CONFIRM_TTL_MS : RESET_TTL_MS;
        return account.getTokenExpiresAt() - ttl > now() - THROTTLE_MS;
    }

    private String issueToken(Account account, String purpose, long ttl) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        account.issueToken(keyring.fingerprint("link\u0000" + token), purpose, now() + ttl);
        return token;
    }

    private Optional<Account> byToken(String token, boolean lock) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        List<Account> found = em.createNamedQuery("Account.byToken", Account.class)
                .setParameter("tokenHash", keyring.fingerprint("link\u0000" + token))
                .setLockMode(lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE)
                .getResultList();
        return found.stream().filter(a -> a.getTokenExpiresAt() != null && now() < a.getTokenExpiresAt()).findFirst();
    }

    private Optional<Account> byEmail(String email) {
        return em.createNamedQuery("Account.byEmail", Account.class).setParameter("email", email).getResultList()
                .stream().findFirst();
    }

    private String backupHash(long accountId, String code) {
        return keyring.fingerprint("backup\u0000" + accountId + "\u0000" + BackupCodes.normalize(code));
    }

    static String normalizeEmail(String raw) {
        String email = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !Recipients.isEmail(email)) {
            throw new InvalidInputException("email", "Enter a valid email address.");
        }
        return email;
    }

    private static String trim(String code) {
        return code == null ? "" : code.replace(" ", "").trim();
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
