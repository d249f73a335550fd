package org.secure2fa.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.secure2fa.platform.boundary.NotFoundException;

/**
 * The one query by which a boundary finds an account's own object (project, channel, template): any
 * other id is "not found", so another account's ids cannot even be told from ids that do not exist.
 * Tenant isolation is enforced here, in the queries, not in the pages or resources that call them.
 */
@ApplicationScoped
public class Tenancy {

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    /**
     * The {@code type} entity (one with an {@code accountId}) with this id if it belongs to the account;
     * otherwise a {@link NotFoundException} that reads exactly as for an id that does not exist.
     */
    public <T> T owned(Class<T> type, long accountId, long id, String what) {
        return em.createQuery("select e from " + type.getSimpleName() + " e where e.id = :id and e.accountId = :account",
                        type)
                .setParameter("id", id).setParameter("account", accountId).getResultList().stream()
                .findFirst().orElseThrow(() -> new NotFoundException(what));
    }
}
