package org.secure2fa.console.enroll;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.omnifaces.util.Faces;
import org.secure2fa.account.boundary.AccountView;
import org.secure2fa.account.boundary.Enrolment;
import org.secure2fa.account.boundary.EnrolmentService;
import org.secure2fa.account.boundary.SignInService;
import org.secure2fa.console.faces.Actions;
import org.secure2fa.console.faces.ConsoleSession;
import org.secure2fa.console.faces.QrCodes;

/** Linking an authenticator app: QR code and key, confirmed by a current code; then the backup codes. */
@Named
@ViewScoped
public class EnrollBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    EnrolmentService enrolments;

    @Inject
    SignInService signIns;

    @Inject
    ConsoleSession session;

    private transient String key;
    private transient String qrCode;
    private String code;

    public void load() {
        Long id = session.getEnrollingAccountId();
        if (id == null) {
            Faces.redirect("signin.xhtml");
            return;
        }
        if (key == null) {
            Enrolment enrolment = Actions.attempt(() -> enrolments.startEnrolment(id));
            if (enrolment != null) {
                key = enrolment.base32Key();
                qrCode = QrCodes.pngDataUri(enrolment.otpauthUri(), 240);
            }
        }
    }

    public void confirm() {
        Long id = session.getEnrollingAccountId();
        List<String> codes = id == null ? null : Actions.attempt(() -> enrolments.confirmEnrolment(id, code, Actions.ip()));
        if (codes == null) {
            return;
        }
        Faces.getRequest().changeSessionId();
        AccountView account = signIns.account(id);
        session.signedIn(account.id(), account.email(), account.admin());
        session.setBackupCodes(codes);
        key = null;
        qrCode = null;
        Faces.redirect("app/backup-codes.xhtml");
    }

    /** The key in groups of four, easier to type. */
    public String getKeyGrouped() {
        return key == null ? "" : key.replaceAll("(.{4})(?!$)", "$1 ");
    }

    public String getKey() { return key; }
    public String getQrCode() { return qrCode; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
}
