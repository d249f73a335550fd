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
import org.secure2fa.platform.control.SettingsEpoch;
import org.secure2fa.platform.control.SettingsEpoch.SettingsChanged;
import org.secure2fa.policy.OtpPolicy;
import org.secure2fa.project.entity.Project;
import org.secure2fa.template.control.TemplateText;

/**
 * Finds projects by public key for the API, keeping each for a few seconds so that the hot path does
 * not open sealed keys or load templates on every request. A change to a project (keys, channel,
 * template, policy) moves the settings epoch on ({@link #evict}): this node forgets the project at once,
 * every other node when it sees the epoch move (within a second). An entry loaded while the epoch moved
 * is never used, and {@code otp.project.cache-ttl-ms} bounds the life of any entry besides.
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

    @Inject
    SettingsEpoch epoch;

    /** A project as loaded, with the settings epoch this node had seen before it read the row. */
    private record Entry(ProjectKeys keys, long loadedAt, long epoch) {
    }

    /** The project with this public key, or empty (unknown keys are not cached). */
    public Optional<ProjectKeys> byPublicKey(String publicKey, long now) {
        long seen = epoch.seen();
        Entry entry = cache.get(publicKey);
        if (entry != null && entry.epoch() == seen && seen >= 0 && now - entry.loadedAt() < ttlMillis) {
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
        cache.put(publicKey, new Entry(keys, now, seen));
        return Optional.of(keys);
    }

    @Inject
    Event<ProjectChanged> changed;

    /** A project the console is changing, by public key. */
    public record ProjectChanged(String publicKey) {
    }

    /**
     * Forgets a project that is being changed, now and again when the transaction ends (a request in
     * between could have cached the old row), so this node sees the change at once; and moves the
     * settings epoch on in the same transaction, so every other node forgets it when that commits.
     */
    public void evict(String publicKey) {
        cache.remove(publicKey);
        epoch.bump();
        changed.fire(new ProjectChanged(publicKey));
    }

    void afterCompletion(@Observes(during = TransactionPhase.AFTER_COMPLETION) ProjectChanged change) {
        cache.remove(change.publicKey());
    }

    /** The epoch moved (here or on another node): whatever is kept may be stale. */
    void settingsChanged(@Observes SettingsChanged change) {
        cache.clear();
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
