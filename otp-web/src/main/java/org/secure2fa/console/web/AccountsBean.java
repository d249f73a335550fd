package org.secure2fa.console.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.secure2fa.account.boundary.AccountView;
import org.secure2fa.account.boundary.AdministrationService;

/** For administrators: every account, and disabling or enabling one. */
@Named
@RequestScoped
public class AccountsBean {

    @Inject
    AdministrationService accounts;

    @Inject
    ConsoleSession session;

    private List<AccountView> list;

    private void load() {
        list = Web.attempt(() -> accounts.accounts(session.getAccountId()));
    }

    public void setDisabled(long accountId, boolean disabled) {
        if (Web.attempt(() -> accounts.setDisabled(session.getAccountId(), accountId, disabled, Web.ip()))) {
            Web.info(disabled ? "Account disabled." : "Account enabled.");
        }
        load();
    }

    public List<AccountView> getList() {
        if (list == null) {
            load();
        }
        return list;
    }
}
