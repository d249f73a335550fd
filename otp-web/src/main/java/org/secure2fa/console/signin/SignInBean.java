package org.secure2fa.console.signin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.secure2fa.account.boundary.SignIn;
import org.secure2fa.account.boundary.SignInService;
import org.secure2fa.console.faces.Actions;
import org.secure2fa.console.faces.ConsoleSession;

/** signin.xhtml: the password step. */
@Named
@RequestScoped
public class SignInBean {

    @Inject
    SignInService signIns;

    @Inject
    ConsoleSession session;

    private String email;
    private String password;

    public void signIn() {
        SignIn result = Actions.attempt(() -> signIns.signIn(email, password, Actions.ip()));
        if (result == null) {
            return;
        }
        switch (result.outcome()) {
            case SECOND_FACTOR -> {
                Faces.getRequest().changeSessionId();
                session.passwordChecked(result.accountId());
                Faces.redirect("signin-code.xhtml");
            }
            case ENROL -> {
                Faces.getRequest().changeSessionId();
                session.enrolling(result.accountId());
                Faces.redirect("enroll.xhtml");
            }
            case DISABLED -> Messages.addGlobalError("bean.signin.disabled");
            // A lock is not told apart here: that would tell which addresses have an account.
            default -> Messages.addGlobalError("bean.signin.wrong-or-locked");
        }
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
