package org.secure2fa.console.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.secure2fa.account.boundary.AccountSettingsService;
import org.secure2fa.account.boundary.AccountView;
import org.secure2fa.account.boundary.AuthenticatorReplacement;
import org.secure2fa.account.boundary.EmailChange;
import org.secure2fa.account.boundary.PasswordChange;
import org.secure2fa.account.boundary.SignInService;

/** The signed-in account's own settings: password, address (by emailed link) and authenticator app. */
@Named
@ViewScoped
public class AccountSettingsBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String WRONG_PASSWORD = "That is not your current password.";

    @Inject
    AccountSettingsService settings;

    @Inject
    SignInService signIns;

    @Inject
    ConsoleSession session;

    private String currentPassword;
    private String newPassword;
    private String repeat;
    private String emailPassword;
    private String email;
    private String currentCode;
    private String newCode;
    private String ticket;
    private transient String newKey;
    private transient String newQrCode;

    public void changePassword() {
        if (newPassword == null || !newPassword.equals(repeat)) {
            Web.error("repeat", "The two new passwords differ.");
            return;
        }
        Boolean done = Web.attempt(() -> settings.changePassword(session.getAccountId(),
                new PasswordChange(currentPassword, newPassword), Web.ip()));
        currentPassword = null;
        if (done == null) {
            return;
        }
        if (!done) {
            Web.error("currentPassword", WRONG_PASSWORD);
            return;
        }
        // This session goes on; the ones signed in before the change end, as after a reset.
        Web.request().changeSessionId();
        AccountView account = signIns.account(session.getAccountId());
        session.signedIn(account.id(), account.email(), account.admin());
        newPassword = null;
        repeat = null;
        Web.info("Your password is changed. Your other sessions are signed out.");
    }

    public void changeEmail() {
        Boolean done = Web.attempt(() -> settings.requestEmailChange(session.getAccountId(),
                new EmailChange(emailPassword, email), Web.consoleUrl(), Web.ip()));
        emailPassword = null;
        if (done == null) {
            return;
        }
        if (!done) {
            Web.error("emailPassword", WRONG_PASSWORD);
            return;
        }
        Web.info("We mailed a link to " + email.trim() + ". Your address changes when you open it (within an hour).");
        email = null;
    }

    public void startReplacement() {
        AuthenticatorReplacement replacement = Web.withFreshCode("currentCode",
                () -> settings.startAuthenticatorReplacement(session.getAccountId(), currentCode, Web.ip()));
        currentCode = null;
        if (replacement == null) {
            return;
        }
        ticket = replacement.ticket();
        newKey = replacement.base32Key();
        newQrCode = QrCodes.pngDataUri(replacement.otpauthUri(), 200);
    }

    public void finishReplacement() {
        String started = ticket;
        boolean done = started != null && Web.attempt(() -> settings.finishAuthenticatorReplacement(
                session.getAccountId(), started, newCode, Web.ip()));
        newCode = null;
        if (!done) {
            return;
        }
        ticket = null;
        newKey = null;
        newQrCode = null;
        Web.info("Your new authenticator app is linked. The old one's codes no longer work.");
    }

    public void cancelReplacement() {
        ticket = null;
        newKey = null;
        newQrCode = null;
    }

    /** Whether a replacement was started (and its new key is still at hand to show). */
    public boolean isReplacing() {
        return ticket != null && newKey != null;
    }

    /** The new key in groups of four, easier to type. */
    public String getNewKeyGrouped() {
        return newKey == null ? "" : newKey.replaceAll("(.{4})(?!$)", "$1 ");
    }

    public String getNewQrCode() { return newQrCode; }
    public String getCurrentPassword() { return currentPassword; }
    public void setCurrentPassword(String currentPassword) { this.currentPassword = currentPassword; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
    public String getRepeat() { return repeat; }
    public void setRepeat(String repeat) { this.repeat = repeat; }
    public String getEmailPassword() { return emailPassword; }
    public void setEmailPassword(String emailPassword) { this.emailPassword = emailPassword; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getCurrentCode() { return currentCode; }
    public void setCurrentCode(String currentCode) { this.currentCode = currentCode; }
    public String getNewCode() { return newCode; }
    public void setNewCode(String newCode) { this.newCode = newCode; }
}
