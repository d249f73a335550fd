package org.secure2fa.console.reset;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.secure2fa.account.boundary.RegistrationService;
import org.secure2fa.console.faces.Actions;

/** reset.xhtml: a forgotten password; the address gets a link to set a new one, if it has an account. */
@Named
@RequestScoped
public class ResetBean {

    @Inject
    RegistrationService registration;

    private String email;
    private boolean sent;

    public void requestReset() {
        sent = Actions.attempt(() -> registration.requestReset(email, Actions.consoleUrl(), Actions.ip()));
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public boolean isSent() { return sent; }
}
