package org.secure2fa.console.app.project;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import org.secure2fa.project.boundary.IssuedKeys;

/**
 * Carries a just-created project's secret across the redirect to its page, which shows it once. Not
 * serialized with the session.
 */
@SessionScoped
public class KeysDisplay implements Serializable {

    private static final long serialVersionUID = 1L;

    private transient IssuedKeys keys;

    public void show(IssuedKeys keys) {
        this.keys = keys;
    }

    /** The keys for {@code projectId}, once. */
    public IssuedKeys take(long projectId) {
        IssuedKeys shown = keys != null && keys.projectId() == projectId ? keys : null;
        keys = null;
        return shown;
    }
}
