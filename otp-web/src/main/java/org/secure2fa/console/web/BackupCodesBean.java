package org.secure2fa.console.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Shows the ten backup codes once, right after enrolment; a reload shows them no more. */
@Named
@ViewScoped
public class BackupCodesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ConsoleSession session;

    private List<String> codes;

    public void load() {
        codes = session.takeBackupCodes();
    }

    public List<String> getCodes() {
        return codes;
    }

}
