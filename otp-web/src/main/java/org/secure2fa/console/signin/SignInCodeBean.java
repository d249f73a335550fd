package org.secure2fa.console.signin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.secure2fa.account.boundary.AccountView;
import org.secure2fa.account.boundary.SignIn;
import org.secure2fa.account.boundary.SignInService;
import org.secure2fa.account.control.Lockout;
import org.secure2fa.console.faces.Actions;
import org.secure2fa.console.faces.ConsoleSession;

/** signin-code.xhtml: the second factor, a code from the authenticator app or a backup code. */
@Named
@RequestScoped
public class SignInCodeBean {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Inject
    SignInService signIns;

    @Inject
    ConsoleSession session;

    private String code;

    /** The page needs a checked password first. */
    public void requirePending() {
        if (session.getPendingAccountId() == null) {
            Faces.redirect("signin.xhtml");
        }
    }

    public void secondFactor() {
        Long pending = session.getPendingAccountId();
        if (pending == null) {
            Faces.redirect("signin.xhtml");
            return;
        }
        SignIn result = Actions.attempt(() -> signIns.secondFactor(pending, session.getPasswordCheckedAt(), code, Actions.ip()));
        if (result == null) {
            return;
        }
        switch (result.outcome()) {
            case SIGNED_IN -> {
                Faces.getRequest().changeSessionId();
                AccountView account = signIns.account(result.accountId());
                session.signedIn(account.id(), account.email(), account.admin());
                if (result.backupCodesLeft() != null) {
                    Messages.addFlashGlobalInfo("bean.signin.backup-code-used", result.backupCodesLeft());
                }
                Faces.redirect(session.takeRequestedPage().map(page -> page.substring(1)).orElse("app/dashboard.xhtml"));
            }
            // Shown only after a right password (the password step does not tell a lock apart).
            case LOCKED -> Messages.addGlobalError("bean.signin.locked",
                    TIME.format(Instant.ofEpochMilli(Lockout.endToTheMinute(result.lockedUntil()))));
            default -> Actions.fieldError("code", "bean.code.wrong");
        }
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
}
