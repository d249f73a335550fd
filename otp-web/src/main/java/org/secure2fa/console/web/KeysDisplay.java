package org.secure2fa.console.web;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import org.secure2fa.console.boundary.ProjectConsole.Keys;

/**
 * Carries a just-created project's secret across the redirect to its page, which shows it once. Not
 * serialized with the session.
 */
@SessionScoped
public class KeysDisplay implements Serializable {

    private static final long serialVersionUID = 1L;

    private transient Keys keys;

    void show(Keys keys) {
        this.keys = keys;
    }

    /** The keys for {@code projectId}, once. */
    Keys take(long projectId) {
        Keys shown = keys != null && keys.projectId() == projectId ? keys : null;
        keys = null;
        return shown;
    }
}
