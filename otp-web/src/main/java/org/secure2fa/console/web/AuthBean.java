package org.secure2fa.console.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.secure2fa.account.boundary.AccountView;
import org.secure2fa.account.boundary.RegistrationService;
import org.secure2fa.account.boundary.SignIn;
import org.secure2fa.account.boundary.SignInService;
import org.secure2fa.account.control.Lockout;

/** Sign-up, sign-in (both steps), password-reset requests and sign-out. */
@Named
@RequestScoped
public class AuthBean {

    static final String WRONG_OR_LOCKED = "The email or the password is not right, or the account is locked"
            + " for a while after too many failed attempts.";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Inject
    RegistrationService registration;

    @Inject
    SignInService signIns;

    @Inject
    ConsoleSession session;

    private String email;
    private String password;
    private String code;
    private boolean sent;

    public void signUp() {
        if (Web.attempt(() -> registration.signUp(email, Web.consoleUrl(), Web.ip()))) {
            sent = true;
        }
    }

    public void requestReset() {
        if (Web.attempt(() -> registration.requestReset(email, Web.consoleUrl(), Web.ip()))) {
            sent = true;
        }
    }

    public void signIn() {
        SignIn result = Web.attempt(() -> signIns.signIn(email, password, Web.ip()));
        if (result == null) {
            return;
        }
        switch (result.outcome()) {
            case SECOND_FACTOR -> {
                Web.request().changeSessionId();
                session.passwordChecked(result.accountId());
                Web.redirect("/signin-code.xhtml");
            }
            case ENROL -> {
                Web.request().changeSessionId();
                session.enrolling(result.accountId());
                Web.redirect("/enroll.xhtml");
            }
            case DISABLED -> Web.error("This account is disabled. Ask your administrator.");
            // A lock is not told apart here: that would tell which addresses have an account.
            default -> Web.error(WRONG_OR_LOCKED);
        }
    }

    public void secondFactor() {
        Long pending = session.getPendingAccountId();
        if (pending == null) {
            Web.redirect("/signin.xhtml");
            return;
        }
        SignIn result = Web.attempt(() -> signIns.secondFactor(pending, session.getPasswordCheckedAt(), code, Web.ip()));
        if (result == null) {
            return;
        }
        switch (result.outcome()) {
            case SIGNED_IN -> {
                Web.request().changeSessionId();
                AccountView account = signIns.account(result.accountId());
                session.signedIn(account.id(), account.email(), account.admin());
                if (result.backupCodesLeft() != null) {
                    Web.info(backupCodesLeft(result.backupCodesLeft()));
                    Web.keepMessages();
                }
                Web.redirect(session.takeRequestedPage().orElse("/app/dashboard.xhtml"));
            }
            case LOCKED -> locked(result);
            default -> Web.error("code", "That code is not right, or was already used.");
        }
    }

    public void signOut() {
        Web.request().getSession().invalidate();
        Web.redirect("/signin.xhtml");
    }

    /** Where the start page sends a visitor. */
    public void route() {
        Web.redirect(session.isSignedIn() ? "/app/dashboard.xhtml" : "/signin.xhtml");
    }

    /** The second-factor page needs a checked password first. */
    public void requirePending() {
        if (session.getPendingAccountId() == null) {
            Web.redirect("/signin.xhtml");
        }
    }

    /** Shown only after a right password (the password step does not tell a lock apart). */
    private static void locked(SignIn result) {
        Web.error("Too many failed attempts: this account is locked until "
                + TIME.format(Instant.ofEpochMilli(Lockout.endToTheMinute(result.lockedUntil()))) + ". Try again then.");
    }

    static String backupCodesLeft(long left) {
        return "You signed in with a backup code, which now no longer works. " + (left == 0
                ? "You have no backup codes left: make new ones."
                : "You have " + left + (left == 1 ? " backup code" : " backup codes") + " left.");
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public boolean isSent() { return sent; }
}
