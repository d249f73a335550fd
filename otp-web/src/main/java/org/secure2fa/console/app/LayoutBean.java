package org.secure2fa.console.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;

/** The signed-in pages' layout (WEB-INF/templates/app.xhtml): signing out. */
@Named
@RequestScoped
public class LayoutBean {

    public void signOut() {
        Faces.invalidateSession();
        Faces.redirect("signin.xhtml");
    }
}
