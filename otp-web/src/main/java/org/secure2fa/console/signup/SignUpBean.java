package org.secure2fa.console.signup;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.secure2fa.account.boundary.RegistrationService;
import org.secure2fa.console.faces.Actions;

/** signup.xhtml: an email address gets a link to set a password. */
@Named
@RequestScoped
public class SignUpBean {

    @Inject
    RegistrationService registration;

    private String email;
    private boolean sent;

    public void signUp() {
        sent = Actions.attempt(() -> registration.signUp(email, Actions.consoleUrl(), Actions.ip()));
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public boolean isSent() { return sent; }
}
