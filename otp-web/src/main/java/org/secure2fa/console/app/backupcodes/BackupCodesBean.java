package org.secure2fa.console.app.backupcodes;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.omnifaces.util.Messages;
import org.secure2fa.account.boundary.EnrolmentService;
import org.secure2fa.console.faces.Actions;
import org.secure2fa.console.faces.ConsoleSession;
import org.secure2fa.console.faces.Texts;

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
        var renewed = Actions.withFreshCode("code",
                () -> enrolment.renewBackupCodes(session.getAccountId(), code, Actions.ip()));
        code = null;
        if (renewed == null) {
            return;
        }
        codes = renewed;
        left = null;
        Messages.addGlobalInfo("bean.backup-codes.renewed");
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
        StringBuilder text = new StringBuilder(Texts.of("bean.backup-codes.file", email)).append("\n\n");
        if (codes != null) {
            codes.forEach(c -> text.append(c).append("\n"));
        }
        return text.toString();
    }

}
