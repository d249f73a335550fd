package org.secure2fa.console.boundary;

import jakarta.persistence.EntityManager;
import org.secure2fa.platform.boundary.NotFoundException;

/** The one query by which the console finds an account's own object; any other id is "not found". */
final class Tenancy {

    private Tenancy() {
    }

    /**
     * The {@code type} entity with this id if it belongs to the account; otherwise a {@link NotFoundException}
     * that reads exactly as for an id that does not exist.
     */
    static <T> T owned(EntityManager em, Class<T> type, long accountId, long id, String what) {
        return em.createQuery("select e from " + type.getSimpleName() + " e where e.id = :id and e.accountId = :account",
                        type)
                .setParameter("id", id).setParameter("account", accountId).getResultList().stream()
                .findFirst().orElseThrow(() -> new NotFoundException(what));
    }
}
