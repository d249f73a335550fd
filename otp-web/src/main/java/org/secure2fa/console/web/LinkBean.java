package org.secure2fa.console.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.secure2fa.account.boundary.AccountService;
import org.secure2fa.account.boundary.AccountView;

/** The page an emailed link opens: choose a password (after sign-up or for a reset). */
@Named
@ViewScoped
public class LinkBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccountService accounts;

    @Inject
    ConsoleSession session;

    private String token;
    private String purpose;
    private String password;
    private String repeat;

    public void load() {
        purpose = token == null ? null : accounts.linkPurpose(token).orElse(null);
    }

    public void save() {
        if (password == null || !password.equals(repeat)) {
            Web.error("repeat", "The two passwords differ.");
            return;
        }
        AccountView account = Web.attempt(() -> accounts.setPassword(token, password, Web.ip()));
        if (account == null) {
            return;
        }
        if (AccountService.CONFIRM.equals(purpose)) {
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
        return AccountService.RESET.equals(purpose);
    }

    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getRepeat() { return repeat; }
    public void setRepeat(String repeat) { this.repeat = repeat; }
}
