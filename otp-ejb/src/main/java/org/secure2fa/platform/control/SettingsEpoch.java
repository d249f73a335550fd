package org.secure2fa.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The installation's settings epoch (table {@code settings_epoch}): a number every transaction that
 * changes something nodes keep in memory moves on ({@link #bump}), and every node watches
 * ({@code SettingsWatch}). When it moved, {@link SettingsChanged} tells this node's caches to forget
 * what they hold, so a change through any node is in force on all of them within the watch interval.
 * The database is the one channel between nodes, so this works the same on every server and needs no
 * data grid.
 */
@ApplicationScoped
public class SettingsEpoch {

    /** Fired on this node when the epoch moved, here or on another node. */
    public record SettingsChanged(long epoch) {
    }

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    @Inject
    Event<SettingsChanged> changed;

    private volatile long seen = -1;

    /** Moves the epoch on, in the caller's transaction: other nodes see it when that commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bump() {
        em.createNativeQuery("update settings_epoch set epoch = epoch + 1 where id = 1").executeUpdate();
    }

    /** The epoch as this node last saw it; -1 before the first look. */
    public long seen() {
        return seen;
    }

    /** Reads the epoch and tells this node's caches when it moved. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void look() {
        long epoch = ((Number) em.createNativeQuery("select epoch from settings_epoch where id = 1")
                .getSingleResult()).longValue();
        if (epoch != seen) {
            seen = epoch;
            changed.fire(new SettingsChanged(epoch));
        }
    }
}
