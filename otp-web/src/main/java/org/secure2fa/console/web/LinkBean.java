package org.secure2fa.console.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.secure2fa.account.boundary.AccountView;
import org.secure2fa.account.boundary.RegistrationService;
import org.secure2fa.account.entity.LinkPurpose;

/** The page an emailed link opens: choose a password (after sign-up or for a reset). */
@Named
@ViewScoped
public class LinkBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RegistrationService registration;

    @Inject
    ConsoleSession session;

    private String token;
    private LinkPurpose purpose;
    private String password;
    private String repeat;

    public void load() {
        purpose = token == null ? null : registration.linkPurpose(token).orElse(null);
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

    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getRepeat() { return repeat; }
    public void setRepeat(String repeat) { this.repeat = repeat; }
}
