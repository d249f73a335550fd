package org.secure2fa.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.secure2fa.audit.entity.AuditEvent;

/**
 * Writes audit events in the caller's transaction, so an event exists exactly when its effect does (a
 * console event without a caller's transaction gets one of its own).
 */
@ApplicationScoped
public class AuditLog {

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    @Inject
    ApiCaller apiCaller;

    public void api(long projectId, String action, String outcome, String detail, String ipAddress, long now) {
        em.persist(new AuditEvent(projectId, null, now, action, outcome, detail, ipAddress));
    }

    /**
     * A console or management-API action by an account (or an attempt at one, such as a failed sign-in),
     * with the API token that made it, if one did. Joins the caller's
     * transaction, or runs in its own when there is none (a test message is sent outside one).
     */
    @Transactional
    public void console(Long accountId, Long projectId, String action, String outcome, String detail,
                        String ipAddress) {
        em.persist(new AuditEvent(projectId, accountId, System.currentTimeMillis(), action, outcome,
                detail == null ? null : detail.length() > 500 ? detail.substring(0, 500) : detail, ipAddress)
                .byToken(apiToken()));
    }

    /** The API token of this request; none outside a request (a timer's work, for one). */
    private Long apiToken() {
        try {
            return apiCaller.tokenId();
        } catch (ContextNotActiveException e) {
            return null;
        }
    }
}
