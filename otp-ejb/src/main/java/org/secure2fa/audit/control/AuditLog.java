package org.secure2fa.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.secure2fa.audit.entity.AuditEvent;

/** Writes audit events in the caller's transaction, so an event exists exactly when its effect does. */
@ApplicationScoped
public class AuditLog {

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    public void api(long projectId, String action, String outcome, String detail, String ipAddress, long now) {
        em.persist(new AuditEvent(projectId, null, now, action, outcome, detail, ipAddress));
    }
}
