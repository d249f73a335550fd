package org.secure2fa.account.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.secure2fa.account.entity.Account;
import org.secure2fa.audit.control.AuditLog;
import org.secure2fa.platform.boundary.ConflictException;
import org.secure2fa.platform.boundary.NotFoundException;
import org.secure2fa.platform.boundary.NotPermittedException;

/** For administrators: every account, and disabling or enabling one. Anyone else is refused. */
@Stateless
public class AdministrationService {

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    @Inject
    AuditLog audit;

    /** All accounts, oldest first. */
    public List<AccountView> accounts(long adminId) {
        requireAdmin(adminId);
        return em.createNamedQuery("Account.all", Account.class).getResultList().stream().map(AccountView::of)
                .toList();
    }

    /** Disables or enables an account (an administrator cannot disable themself). */
    public void setDisabled(long adminId, long accountId, boolean disabled, String ip) {
        requireAdmin(adminId);
        if (adminId == accountId) {
            throw new ConflictException("You cannot disable your own account.");
        }
        Account account = Optional.ofNullable(em.find(Account.class, accountId))
                .orElseThrow(() -> new NotFoundException("Account"));
        account.setDisabled(disabled);
        audit.console(adminId, null, disabled ? "ACCOUNT_DISABLED" : "ACCOUNT_ENABLED", "OK",
                "account " + accountId, ip);
    }

    private void requireAdmin(long adminId) {
        Account admin = em.find(Account.class, adminId);
        if (admin == null || !admin.isAdmin() || admin.isDisabled()) {
            throw new NotPermittedException("Only an administrator can do this.");
        }
    }
}
