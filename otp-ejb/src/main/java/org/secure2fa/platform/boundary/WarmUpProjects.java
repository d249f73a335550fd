package org.secure2fa.platform.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import org.secure2fa.crypto.Keyring;
import org.secure2fa.delivery.control.Settings;
import org.secure2fa.delivery.entity.Channel;
import org.secure2fa.delivery.provider.DevOutboxProvider;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.project.control.KeyMaterial;
import org.secure2fa.project.control.ProjectDeleting;
import org.secure2fa.project.control.ProjectDirectory;
import org.secure2fa.project.entity.Project;
import org.secure2fa.template.entity.Template;

/**
 * The project a node's warm-up calls its own API with ({@link WarmUp}): no account owns it, so no
 * console or management API shows it, and it exists only while the warm-up runs. Removing it removes
 * every row its calls left (the features' {@link ProjectDeleting} observers) and makes every node forget it.
 */
@Stateless
public class WarmUpProjects {

    /** The name that tells a warm-up project, so that one a crashed node left behind can be found. */
    static final String NAME = "Secure 2FA warm-up";

    /** A warm-up project's keys, as an integrator holds them. */
    public record Keys(long projectId, String publicKey, String secretKey) {
    }

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    @Inject
    Keyring keyring;

    @Inject
    ProjectDirectory directory;

    @Inject
    Event<ProjectDeleting> deleting;

    public Keys create() {
        long now = System.currentTimeMillis();
        Channel channel = new Channel(NAME, ChannelType.EMAIL, DevOutboxProvider.ID,
                keyring.seal(Settings.toJson(Map.of("from", "warm-up@secure2fa.local"))), now);
        em.persist(channel);
        Template template = new Template(NAME, now);
        template.addVersion("en", "Your login code", "Your login code is {{OTP_CODE}}.", null);
        em.persist(template);
        String publicKey = KeyMaterial.newPublicKey();
        String secretKey = KeyMaterial.newSecretKey();
        Project project = new Project(NAME, publicKey, keyring.seal(secretKey), now);
        project.link(channel, template);
        em.persist(project);
        em.flush();
        return new Keys(project.getId(), publicKey, secretKey);
    }

    /** Removes warm-up projects whose node stopped before it could (none, normally); returns how many. */
    public int removeLeftovers() {
        int removed = 0;
        for (Project project : em.createNamedQuery("Project.findUnownedByName", Project.class)
                .setParameter("name", NAME).getResultList()) {
            remove(project);
            removed++;
        }
        return removed;
    }

    public void remove(long projectId) {
        Project project = em.find(Project.class, projectId);
        if (project != null) {
            remove(project);
        }
    }

    private void remove(Project project) {
        directory.evict(project.getPublicKey());
        deleting.fire(new ProjectDeleting(project.getId()));
        Channel channel = project.getChannel();
        Template template = project.getTemplate();
        em.remove(project);
        em.flush();
        if (channel != null) {
            em.remove(channel);
        }
        if (template != null) {
            em.remove(template);
        }
    }
}
