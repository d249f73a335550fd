package org.secure2fa.console.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.secure2fa.account.boundary.EnrolmentService;

/**
 * Shows the ten backup codes once, right after enrolment (a reload shows them no more), with a text
 * file to download (a data link: the codes are not sent again), copy and print; says how many unused
 * codes are left, and makes new ones in place of the old after a fresh TOTP code.
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
    private Long left;

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
        left = null;
        Web.info("New backup codes made; the old ones no longer work.");
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }

    public List<String> getCodes() {
        return codes;
    }

    /** How many of the account's backup codes are unused. */
    public long getLeft() {
        if (left == null) {
            left = enrolment.backupCodesLeft(session.getAccountId());
        }
        return left;
    }

    /** The codes shown as a plain-text file, one a line, as a {@code data:} link for the download button. */
    public String getDownloadHref() {
        return "data:text/plain;charset=utf-8," + URLEncoder.encode(fileText(session.getEmail(), codes),
                StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String fileText(String email, List<String> codes) {
        StringBuilder text = new StringBuilder("Secure 2FA backup codes for ").append(email).append("\n")
                .append("Each code signs you in once, instead of the authenticator app.\n\n");
        if (codes != null) {
            codes.forEach(c -> text.append(c).append("\n"));
        }
        return text.toString();
    }

}
