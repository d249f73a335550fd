package org.secure2fa.console.app.account;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.secure2fa.account.boundary.AccountSettingsService;
import org.secure2fa.account.boundary.AccountView;
import org.secure2fa.account.boundary.AuthenticatorReplacement;
import org.secure2fa.account.boundary.EmailChange;
import org.secure2fa.account.boundary.PasswordChange;
import org.secure2fa.account.boundary.SignInService;
import org.secure2fa.console.faces.Actions;
import org.secure2fa.console.faces.ConsoleSession;
import org.secure2fa.console.faces.QrCodes;

/** The signed-in account's own settings: password, address (by emailed link) and authenticator app. */
@Named
@ViewScoped
public class AccountBean implements Serializable {

    private static final long serialVersionUID = 1L;

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
            Actions.fieldError("repeat", "bean.account.passwords-differ");
            return;
        }
        Boolean done = Actions.attempt(() -> settings.changePassword(session.getAccountId(),
                new PasswordChange(currentPassword, newPassword), Actions.ip()));
        currentPassword = null;
        if (done == null) {
            return;
        }
        if (!done) {
            Actions.fieldError("currentPassword", "bean.account.wrong-password");
            return;
        }
        // This session goes on; the ones signed in before the change end, as after a reset.
        Faces.getRequest().changeSessionId();
        AccountView account = signIns.account(session.getAccountId());
        session.signedIn(account.id(), account.email(), account.admin());
        newPassword = null;
        repeat = null;
        Messages.addGlobalInfo("bean.account.password-changed");
    }

    public void changeEmail() {
        Boolean done = Actions.attempt(() -> settings.requestEmailChange(session.getAccountId(),
                new EmailChange(emailPassword, email), Actions.consoleUrl(), Actions.ip()));
        emailPassword = null;
        if (done == null) {
            return;
        }
        if (!done) {
            Actions.fieldError("emailPassword", "bean.account.wrong-password");
            return;
        }
        Messages.addGlobalInfo("bean.account.email-link-sent", email.trim());
        email = null;
    }

    public void startReplacement() {
        AuthenticatorReplacement replacement = Actions.withFreshCode("currentCode",
                () -> settings.startAuthenticatorReplacement(session.getAccountId(), currentCode, Actions.ip()));
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
        boolean done = started != null && Actions.attempt(() -> settings.finishAuthenticatorReplacement(
                session.getAccountId(), started, newCode, Actions.ip()));
        newCode = null;
        if (!done) {
            return;
        }
        ticket = null;
        newKey = null;
        newQrCode = null;
        Messages.addGlobalInfo("bean.account.authenticator-replaced");
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
