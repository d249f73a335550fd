package org.secure2fa.console.link;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.secure2fa.account.boundary.AccountSettingsService;
import org.secure2fa.account.boundary.AccountView;
import org.secure2fa.account.boundary.RegistrationService;
import org.secure2fa.account.entity.LinkPurpose;
import org.secure2fa.console.faces.Actions;
import org.secure2fa.console.faces.ConsoleSession;

/**
 * The page an emailed link opens: choose a password (after sign-up or for a reset), or confirm a new
 * address (the link carries it; the change is made only by the button, not by opening the link, which
 * mail scanners do too).
 */
@Named
@ViewScoped
public class LinkBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RegistrationService registration;

    @Inject
    AccountSettingsService settings;

    @Inject
    ConsoleSession session;

    private String token;
    private String email;
    private LinkPurpose purpose;
    private String password;
    private String repeat;

    public void load() {
        if (token == null) {
            purpose = null;
        } else if (email != null) {
            purpose = settings.isEmailChangeLink(token, email) ? LinkPurpose.EMAIL : null;
        } else {
            purpose = registration.linkPurpose(token).orElse(null);
        }
    }

    public void confirmEmail() {
        AccountView account = Actions.attempt(() -> settings.confirmEmailChange(token, email, Actions.ip()));
        if (account == null) {
            return;
        }
        session.emailChanged(account.id(), account.email());
        Messages.addFlashGlobalInfo("bean.link.email-changed", account.email());
        Faces.redirect(session.isSignedIn() ? "app/account.xhtml" : "signin.xhtml");
    }

    public void save() {
        if (password == null || !password.equals(repeat)) {
            Actions.fieldError("repeat", "bean.link.passwords-differ");
            return;
        }
        AccountView account = Actions.attempt(() -> registration.setPassword(token, password, Actions.ip()));
        if (account == null) {
            return;
        }
        if (purpose == LinkPurpose.CONFIRM) {
            Faces.getRequest().changeSessionId();
            session.enrolling(account.id());
            Faces.redirect("enroll.xhtml");
        } else {
            Messages.addFlashGlobalInfo("bean.link.password-changed");
            Faces.redirect("signin.xhtml");
        }
    }

    public boolean isValid() {
        return purpose != null;
    }

    public boolean isReset() {
        return purpose == LinkPurpose.RESET;
    }

    public boolean isEmailChange() {
        return purpose == LinkPurpose.EMAIL;
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }

    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getRepeat() { return repeat; }
    public void setRepeat(String repeat) { this.repeat = repeat; }
}
