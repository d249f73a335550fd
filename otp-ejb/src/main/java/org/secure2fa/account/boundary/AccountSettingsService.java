package org.secure2fa.account.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.secure2fa.account.control.AccountMails;
import org.secure2fa.account.control.Accounts;
import org.secure2fa.account.control.Base32;
import org.secure2fa.account.control.LinkTokens;
import org.secure2fa.account.control.Lockout;
import org.secure2fa.account.control.PasswordHashes;
import org.secure2fa.account.control.PasswordPolicy;
import org.secure2fa.account.control.Totp;
import org.secure2fa.account.control.TotpCheck;
import org.secure2fa.account.entity.Account;
import org.secure2fa.account.entity.AccountStatus;
import org.secure2fa.account.entity.LinkPurpose;
import org.secure2fa.audit.control.AuditLog;
import org.secure2fa.challenge.control.Recipients;
import org.secure2fa.crypto.Keyring;
import org.secure2fa.platform.boundary.ConflictException;
import org.secure2fa.platform.boundary.InvalidInputException;
import org.secure2fa.platform.boundary.NotFoundException;

/**
 * A signed-in account's own settings: its password (after the current one), its address (after the
 * current password, confirmed by a link mailed to the new address) and its authenticator app (after a
 * fresh code from the current app, linked with a code from the new one). A wrong current password or
 * code is a normal answer ({@code false} or empty), not an exception, so it counts towards the lock.
 * Every change is audited.
 */
@Stateless
public class AccountSettingsService {

    /** How long a started replacement of the authenticator app may take. */
    static final long REPLACEMENT_TTL_MS = 10 * 60_000L;
    private static final String TICKET = "totp-replacement";

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    @Inject
    Lockout lockout;

    @Inject
    TotpCheck totp;

    @Inject
    LinkTokens links;

    @Inject
    Accounts accounts;

    @Inject
    AccountMails mails;

    @Inject
    Keyring keyring;

    @Inject
    AuditLog audit;

    /**
     * Sets a new password (checked by the password policy) after the current one; sessions signed in
     * before now end, as after a reset. False when the current password is not right (counted).
     */
    public boolean changePassword(long accountId, PasswordChange change, String ip) {
        Account account = active(accountId);
        long now = System.currentTimeMillis();
        if (!currentPassword(account, change.currentPassword(), "PASSWORD_CHANGE", ip, now)) {
            return false;
        }
        PasswordPolicy.problem(change.newPassword(), account.getEmail()).ifPresent(problem -> {
            throw new InvalidInputException("newPassword", problem);
        });
        account.changePassword(PasswordHashes.hash(change.newPassword()), now);
        audit.console(accountId, null, "PASSWORD_CHANGED", "OK", null, ip);
        return true;
    }

    /**
     * Mails a link to the new address that, when followed, makes it the account's address; nothing
     * changes before. The answer is the same whether or not the new address has an account (then no
     * link is sent), so this tells no one which addresses have accounts. False when the current
     * password is not right (counted).
     */
    public boolean requestEmailChange(long accountId, EmailChange change, String consoleUrl, String ip) {
        String newEmail = Accounts.normalizeEmail(change.newEmail());
        Account account = active(accountId);
        long now = System.currentTimeMillis();
        if (!currentPassword(account, change.currentPassword(), "EMAIL_CHANGE", ip, now)) {
            return false;
        }
        if (newEmail.equals(account.getEmail())) {
            throw new InvalidInputException("email", "This is already your address.");
        }
        if (links.issuedRecently(account)) {
            throw new ConflictException("A link was mailed a moment ago. Wait two minutes before asking for another.");
        }
        if (accounts.byEmail(newEmail).isPresent()) {
            audit.console(accountId, null, "EMAIL_CHANGE", "ADDRESS_TAKEN", Recipients.mask(newEmail), ip);
            return true;
        }
        String token = links.issue(account, LinkPurpose.EMAIL, newEmail);
        audit.console(accountId, null, "EMAIL_CHANGE", "LINK_SENT", Recipients.mask(newEmail), ip);
        mails.emailChange(newEmail, consoleUrl, token);
        return true;
    }

    /** Whether an emailed address-change link is valid for this address (without using it up). */
    public boolean isEmailChangeLink(String token, String newEmail) {
        return newEmail != null && newEmail.length() <= 254
                && links.find(token, newEmail.trim().toLowerCase(Locale.ROOT), false)
                        .filter(a -> LinkPurpose.EMAIL.name().equals(a.getTokenPurpose())).isPresent();
    }

    /**
     * Follows an address-change link: the account signs in with the new address from now on; the old
     * address is told. Refused when the link is no longer valid or the address was taken meanwhile.
     */
    public AccountView confirmEmailChange(String token, String rawNewEmail, String ip) {
        String newEmail = Accounts.normalizeEmail(rawNewEmail);
        Account account = links.find(token, newEmail, true)
                .filter(a -> LinkPurpose.EMAIL.name().equals(a.getTokenPurpose()))
                .orElseThrow(() -> new InvalidInputException(null, "This link is not valid any more. Ask for a new one."));
        if (accounts.byEmail(newEmail).isPresent()) {
            throw new ConflictException("This address already has an account.");
        }
        String oldEmail = account.getEmail();
        account.changeEmail(newEmail);
        account.clearToken();
        audit.console(account.getId(), null, "EMAIL_CHANGED", "OK", Recipients.mask(oldEmail) + " -> "
                + Recipients.mask(newEmail), ip);
        mails.emailChanged(oldEmail, newEmail);
        return AccountView.of(account);
    }

    /**
     * Starts replacing the authenticator app after a fresh code from the current one: answers the new
     * key, not yet in use, and the ticket to finish with. Empty when the code is not right (counted).
     */
    public Optional<AuthenticatorReplacement> startAuthenticatorReplacement(long accountId, String currentCode,
                                                                            String ip) {
        Account account = active(accountId);
        if (!totp.reauthenticate(accountId, currentCode, "replace authenticator app", ip)) {
            return Optional.empty();
        }
        byte[] key = Totp.newKey();
        String base32 = Base32.encode(key);
        String ticket = keyring.seal(TICKET + "\u0000" + accountId + "\u0000" + System.currentTimeMillis() + "\u0000"
                + base32);
        return Optional.of(new AuthenticatorReplacement(base32, Totp.otpauthUri("Secure 2FA", account.getEmail(), key),
                ticket));
    }

    /**
     * Links the new authenticator app of a started replacement with a current code from it; the old app's
     * codes stop working. Refused when the code is not right or the replacement is too old.
     */
    public void finishAuthenticatorReplacement(long accountId, String ticket, String newCode, String ip) {
        Account account = active(accountId);
        String base32 = openTicket(accountId, ticket);
        long now = System.currentTimeMillis();
        OptionalLong step = Totp.verify(Base32.decode(base32), TotpCheck.typed(newCode), now / 1000, -1);
        if (step.isEmpty()) {
            throw new InvalidInputException("newCode",
                    "That code is not right. Check the new app's clock and enter the code it shows now.");
        }
        account.setTotpSealed(keyring.seal(base32));
        account.setTotpLastStep(step.getAsLong());
        audit.console(accountId, null, "TOTP_REPLACED", "OK", null, ip);
    }

    private String openTicket(long accountId, String ticket) {
        String[] parts;
        try {
            parts = ticket == null ? new String[0] : keyring.open(ticket).split("\u0000");
        } catch (IllegalStateException e) {
            parts = new String[0];
        }
        if (parts.length != 4 || !TICKET.equals(parts[0]) || !Long.toString(accountId).equals(parts[1])
                || System.currentTimeMillis() - Long.parseLong(parts[2]) > REPLACEMENT_TTL_MS) {
            throw new InvalidInputException(null, "This replacement has expired. Start again with a code from your current app.");
        }
        return parts[3];
    }

    /** Checks the current password of a signed-in account: a wrong one counts; none is checked while locked. */
    private boolean currentPassword(Account account, String password, String action, String ip, long now) {
        if (account.isLocked(now)) {
            PasswordHashes.spendEquivalentTime(password);
            audit.console(account.getId(), null, action, "LOCKED", null, ip);
            return false;
        }
        if (PasswordHashes.matches(password, account.getPasswordHash())) {
            return true;
        }
        lockout.fail(account, action, "WRONG_PASSWORD", ip, now);
        return false;
    }

    private Account active(long accountId) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null || account.getStatus() != AccountStatus.ACTIVE || account.isDisabled()) {
            throw new NotFoundException("Account");
        }
        return account;
    }
}
