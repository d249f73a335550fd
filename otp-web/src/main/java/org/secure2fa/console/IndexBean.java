package org.secure2fa.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;
import org.secure2fa.console.faces.ConsoleSession;

/** index.xhtml: the start page sends a visitor to the dashboard or to sign in. */
@Named
@RequestScoped
public class IndexBean {

    @Inject
    ConsoleSession session;

    public void route() {
        Faces.redirect(session.isSignedIn() ? "app/dashboard.xhtml" : "signin.xhtml");
    }
}
