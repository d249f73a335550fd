package org.secure2fa.console.app.accounts;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.omnifaces.util.Messages;
import org.secure2fa.account.boundary.AccountView;
import org.secure2fa.account.boundary.AdministrationService;
import org.secure2fa.console.faces.Actions;
import org.secure2fa.console.faces.ConsoleSession;

/** For administrators: every account, disabling or enabling one, and the token-signing key. */
@Named
@RequestScoped
public class AccountsBean {

    @Inject
    AdministrationService accounts;

    @Inject
    ConsoleSession session;

    private List<AccountView> list;

    private void load() {
        list = Actions.attempt(() -> accounts.accounts(session.getAccountId()));
    }

    public void setDisabled(long accountId, boolean disabled) {
        if (Actions.attempt(() -> accounts.setDisabled(session.getAccountId(), accountId, disabled, Actions.ip()))) {
            Messages.addGlobalInfo(disabled ? "bean.accounts.disabled" : "bean.accounts.enabled");
        }
        load();
    }

    public void rotateSigningKey() {
        String kid = Actions.attempt(() -> accounts.rotateSigningKey(session.getAccountId(), Actions.ip()));
        if (kid != null) {
            Messages.addGlobalInfo("bean.accounts.signing-key-rotated", kid);
        }
    }

    public List<AccountView> getList() {
        if (list == null) {
            load();
        }
        return list;
    }
}
