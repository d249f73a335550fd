package org.secure2fa.account.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.secure2fa.account.entity.Account;
import org.secure2fa.audit.control.AuditLog;
import org.secure2fa.token.control.SigningKeys;
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

    @Inject
    SigningKeys signingKeys;

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

    /**
     * A new key signs the management-API tokens made from now on; tokens signed by the old keys keep
     * working until they expire (their keys stay in the JWKS). Answers the new key's id.
     */
    public String rotateSigningKey(long adminId, String ip) {
        requireAdmin(adminId);
        String kid = signingKeys.rotate();
        audit.console(adminId, null, "SIGNING_KEY_ROTATED", "OK", "new key " + kid, ip);
        return kid;
    }

    private void requireAdmin(long adminId) {
        Account admin = em.find(Account.class, adminId);
        if (admin == null || !admin.isAdmin() || admin.isDisabled()) {
            throw new NotPermittedException("Only an administrator can do this.");
        }
    }
}
