package org.secure2fa.account.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.Optional;
import org.secure2fa.account.control.AccountConfig;
import org.secure2fa.account.control.AccountMails;
import org.secure2fa.account.control.Accounts;
import org.secure2fa.account.control.LinkTokens;
import org.secure2fa.account.control.PasswordHashes;
import org.secure2fa.account.control.PasswordPolicy;
import org.secure2fa.account.entity.Account;
import org.secure2fa.account.entity.AccountStatus;
import org.secure2fa.account.entity.LinkPurpose;
import org.secure2fa.audit.control.AuditLog;
import org.secure2fa.challenge.control.Recipients;
import org.secure2fa.platform.boundary.InvalidInputException;

/**
 * Sign-up and password resets by emailed link. Sign-up takes an email only and mails a link; the link
 * sets the password (the account then links an authenticator app, see {@link EnrolmentService}). The
 * forms answer the same whether or not an address has an account, and mail at most once in two
 * minutes per address.
 */
@Stateless
public class RegistrationService {

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    LinkTokens links;

    @Inject
    AccountMails mails;

    @Inject
    AccountConfig config;

    @Inject
    AuditLog audit;

    /**
     * Starts a sign-up: mails a confirmation link. The answer is the same whether or not the address
     * already has an account (an existing owner is told by mail instead), so the form reveals nothing.
     */
    public void signUp(String rawEmail, String consoleUrl, String ip) {
        String email = Accounts.normalizeEmail(rawEmail);
        Optional<Account> existing = accounts.byEmail(email);
        if (existing.isPresent() && existing.get().getStatus() != AccountStatus.PENDING) {
            Account owner = existing.get();
            if (owner.getNoticeSentAt() != null && owner.getNoticeSentAt() > now() - LinkTokens.THROTTLE_MS) {
                return; // told a moment ago: no mail bombing through this form
            }
            owner.setNoticeSentAt(now());
            mails.alreadySignedUp(email, consoleUrl);
            return;
        }
        if (existing.isPresent() && links.issuedRecently(existing.get())) {
            return; // one link per address every few minutes: no mail bombing through this form
        }
        Account account = existing.orElseGet(() -> {
            boolean admin = config.adminEmail()
                    .map(a -> a.strip().toLowerCase(Locale.ROOT).equals(email))
                    .orElseGet(() -> em.createNamedQuery("Account.count", Long.class).getSingleResult() == 0);
            Account fresh = new Account(email, admin, System.currentTimeMillis());
            em.persist(fresh);
            em.flush();
            return fresh;
        });
        String token = links.issue(account, LinkPurpose.CONFIRM);
        audit.console(account.getId(), null, "SIGN_UP", "LINK_SENT", Recipients.mask(email), ip);
        mails.confirmation(email, consoleUrl, token);
    }

    /** Mails a password-reset link to an account that has a password; answers the same either way. */
    public void requestReset(String rawEmail, String consoleUrl, String ip) {
        Optional<Account> found = accounts.byEmail(Accounts.normalizeEmail(rawEmail));
        if (found.isEmpty() || found.get().getStatus() == AccountStatus.PENDING || links.issuedRecently(found.get())) {
            return;
        }
        Account account = found.get();
        String token = links.issue(account, LinkPurpose.RESET);
        audit.console(account.getId(), null, "PASSWORD_RESET", "LINK_SENT", null, ip);
        mails.passwordReset(account.getEmail(), consoleUrl, token);
    }

    /** What a valid emailed link is for, or empty. */
    public Optional<LinkPurpose> linkPurpose(String token) {
        return links.find(token, false).map(a -> LinkPurpose.valueOf(a.getTokenPurpose()));
    }

    /**
     * Sets the password through an emailed link, which is then used up. After a confirmation link the
     * account goes on to link an authenticator app; after a reset it signs in as usual (TOTP still needed).
     */
    public AccountView setPassword(String token, String password, String ip) {
        Account account = links.find(token, true)
                .orElseThrow(() -> new InvalidInputException(null, "This link is not valid any more. Ask for a new one."));
        PasswordPolicy.problem(password, account.getEmail()).ifPresent(problem -> {
            throw new InvalidInputException("password", problem);
        });
        account.changePassword(PasswordHashes.hash(password), now());
        boolean confirm = LinkPurpose.CONFIRM.name().equals(account.getTokenPurpose());
        if (confirm && account.getStatus() == AccountStatus.PENDING) {
            account.setStatus(AccountStatus.ENROLLING);
        }
        account.clearToken();
        audit.console(account.getId(), null, confirm ? "PASSWORD_SET" : "PASSWORD_RESET", "OK", null, ip);
        return AccountView.of(account);
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
