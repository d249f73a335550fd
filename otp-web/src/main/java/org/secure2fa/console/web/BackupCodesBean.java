package org.secure2fa.console.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.secure2fa.account.boundary.EnrolmentService;

/**
 * Shows the ten backup codes once, right after enrolment (a reload shows them no more), and makes new
 * ones in place of the old after a fresh TOTP code.
 */
@Named
@ViewScoped
public class BackupCodesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ConsoleSession session;

    @Inject
    EnrolmentService enrolment;

    private transient List<String> codes;
    private String code;

    public void load() {
        codes = session.takeBackupCodes();
    }

    public void renew() {
        var renewed = Web.withFreshCode("code",
                () -> enrolment.renewBackupCodes(session.getAccountId(), code, Web.ip()));
        code = null;
        if (renewed == null) {
            return;
        }
        codes = renewed;
        Web.info("New backup codes made; the old ones no longer work.");
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }

    public List<String> getCodes() {
        return codes;
    }

}
