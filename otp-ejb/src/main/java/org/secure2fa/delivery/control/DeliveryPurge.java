package org.secure2fa.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.secure2fa.project.control.ProjectDeleting;

/** Deletes a deleted project's outbox rows (sent or not), in the deleting transaction. */
@ApplicationScoped
public class DeliveryPurge {

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    void purge(@Observes ProjectDeleting deleting) {
        em.createQuery("delete from Delivery d where d.projectId = :project")
                .setParameter("project", deleting.projectId()).executeUpdate();
    }
}
