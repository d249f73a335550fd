package org.secure2fa.project.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.secure2fa.crypto.Keyring;
import org.secure2fa.crypto.PayloadCipher;
import org.secure2fa.policy.OtpPolicy;
import org.secure2fa.project.entity.Project;
import org.secure2fa.template.control.TemplateText;

/**
 * Finds projects by public key for the API, keeping each for a few seconds so that the hot path does
 * not open sealed keys or load templates on every request. A change to a project (keys, channel,
 * template, policy) is seen after at most {@code otp.project.cache-ttl-ms}.
 */
@ApplicationScoped
public class ProjectDirectory {

    private static final int MAX_ENTRIES = 10_000;

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    @Inject
    Keyring keyring;

    @Inject
    OtpPolicy defaults;

    @Inject
    @ConfigProperty(name = "otp.project.cache-ttl-ms", defaultValue = "5000")
    long ttlMillis;

    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(ProjectKeys keys, long loadedAt) {
    }

    /** The project with this public key, or empty (unknown keys are not cached). */
    public Optional<ProjectKeys> byPublicKey(String publicKey, long now) {
        Entry entry = cache.get(publicKey);
        if (entry != null && now - entry.loadedAt() < ttlMillis) {
            return Optional.of(entry.keys());
        }
        List<Project> found = em.createNamedQuery("Project.findByPublicKey", Project.class)
                .setParameter("publicKey", publicKey).getResultList();
        if (found.isEmpty()) {
            cache.remove(publicKey);
            return Optional.empty();
        }
        ProjectKeys keys = toKeys(found.get(0));
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(publicKey, new Entry(keys, now));
        return Optional.of(keys);
    }

    @Inject
    Event<ProjectChanged> changed;

    /** A project the console is changing, by public key. */
    public record ProjectChanged(String publicKey) {
    }

    /**
     * Forgets a project the console is changing, now and again when the transaction ends (a request
     * in between could have cached the old row), so this node sees the change at once; other nodes
     * within the TTL.
     */
    public void evict(String publicKey) {
        cache.remove(publicKey);
        changed.fire(new ProjectChanged(publicKey));
    }

    void afterCompletion(@Observes(during = TransactionPhase.AFTER_COMPLETION) ProjectChanged change) {
        cache.remove(change.publicKey());
    }

    private ProjectKeys toKeys(Project p) {
        var secret = PayloadCipher.keyOf(keyring.open(p.getSecretSealed()))
                .orElseThrow(() -> new IllegalStateException("Project " + p.getId() + " has a malformed secret key"));
        var previous = p.getPreviousSecretSealed() == null ? null
                : PayloadCipher.keyOf(keyring.open(p.getPreviousSecretSealed())).orElse(null);
        List<TemplateText> versions = p.getTemplate() == null ? List.of()
                : p.getTemplate().getVersions().stream()
                        .map(v -> new TemplateText(v.getLang(), v.getSubject(), v.getBody(), v.getHtmlBody()))
                        .toList();
        OtpPolicy policy = defaults.withOverrides(p.getCodeDigits(), p.getCodeLifetimeSeconds(), p.getMaxAttempts(),
                p.getDeviceCheck());
        return new ProjectKeys(p.getId(), p.getPublicKey(), secret, previous,
                p.getPreviousSecretUntil() == null ? 0 : p.getPreviousSecretUntil(),
                p.getChannel() == null ? null : p.getChannel().getId(),
                p.getChannel() == null ? null : p.getChannel().getType(),
                versions, policy, p.isTemplateRequests());
    }
}
