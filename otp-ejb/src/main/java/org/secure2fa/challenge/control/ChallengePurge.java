package org.secure2fa.challenge.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.secure2fa.project.control.ProjectDeleting;

/** Deletes a deleted project's codes and per-user counters, in the deleting transaction. */
@ApplicationScoped
public class ChallengePurge {

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    void purge(@Observes ProjectDeleting deleting) {
        em.createQuery("delete from Challenge c where c.projectId = :project")
                .setParameter("project", deleting.projectId()).executeUpdate();
        em.createQuery("delete from EndUser u where u.projectId = :project")
                .setParameter("project", deleting.projectId()).executeUpdate();
    }
}
