package org.secure2fa.console.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.secure2fa.account.boundary.AccountSettingsService;
import org.secure2fa.account.boundary.AccountView;
import org.secure2fa.account.boundary.RegistrationService;
import org.secure2fa.account.entity.LinkPurpose;

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
        AccountView account = Web.attempt(() -> settings.confirmEmailChange(token, email, Web.ip()));
        if (account == null) {
            return;
        }
        session.emailChanged(account.id(), account.email());
        Web.info("Your address is now " + account.email() + ". Sign in with it from now on.");
        Web.keepMessages();
        Web.redirect(session.isSignedIn() ? "/app/account.xhtml" : "/signin.xhtml");
    }

    public void save() {
        if (password == null || !password.equals(repeat)) {
            Web.error("repeat", "The two passwords differ.");
            return;
        }
        AccountView account = Web.attempt(() -> registration.setPassword(token, password, Web.ip()));
        if (account == null) {
            return;
        }
        if (purpose == LinkPurpose.CONFIRM) {
            Web.request().changeSessionId();
            session.enrolling(account.id());
            Web.redirect("/enroll.xhtml");
        } else {
            Web.info("Your password is changed. Sign in with it and your authenticator app.");
            Web.keepMessages();
            Web.redirect("/signin.xhtml");
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
