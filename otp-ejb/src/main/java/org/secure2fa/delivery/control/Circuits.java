package org.secure2fa.delivery.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A circuit breaker per channel (one configured provider account), one for the whole installation:
 * after {@code otp.delivery.circuit-failures} consecutive failures that are not the recipient's fault,
 * counted over every node, it opens for {@code otp.delivery.circuit-open-ms}, and messages go to the
 * next channel of the failover chain; then one trial call is let through (half-open), by one node
 * only: success closes it, failure opens it again. A trial whose node died is given to another after
 * the open time. The state is a row of {@code channel_circuit}, changed by single conditional
 * statements, each in its own short transaction, so nodes never disagree and never wait on each other.
 * A session bean, so that readiness checks, which the server runs outside any component, reach the
 * persistence unit through it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Circuits {

    /** Where one channel's circuit stands. */
    public record State(int consecutiveFailures, long openUntil) {
    }

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    int threshold;
    long openMillis;

    @Inject
    void configure(DeliveryConfig config) {
        this.threshold = config.circuitFailures();
        this.openMillis = config.circuitOpenMillis();
    }

    /** Whether a call through this channel may be made now (closed, or the one half-open trial). */
    public boolean allows(long channelId, long now) {
        List<?> rows = em.createNativeQuery("select failures, open_until from channel_circuit where channel_id = ?")
                .setParameter(1, channelId).getResultList();
        if (rows.isEmpty()) {
            return true;
        }
        Object[] row = (Object[]) rows.get(0);
        if (((Number) row[0]).intValue() < threshold) {
            return true;
        }
        if (((Number) row[1]).longValue() > now) {
            return false;
        }
        // half-open: the node whose statement takes the trial lease makes the one trial call
        return em.createNativeQuery("update channel_circuit set trial_until = ? where channel_id = ? and failures >= ?"
                        + " and open_until <= ? and trial_until <= ?")
                .setParameter(1, now + openMillis).setParameter(2, channelId).setParameter(3, threshold)
                .setParameter(4, now).setParameter(5, now).executeUpdate() == 1;
    }

    public void succeeded(long channelId) {
        em.createNativeQuery("delete from channel_circuit where channel_id = ?").setParameter(1, channelId)
                .executeUpdate();
    }

    public void failed(long channelId, long now) {
        if (countFailure(channelId, now) == 0) {
            em.createNativeQuery("insert into channel_circuit (channel_id, failures, open_until, trial_until)"
                            + " values (?, 0, 0, 0) on conflict do nothing")
                    .setParameter(1, channelId).executeUpdate();
            countFailure(channelId, now);
        }
    }

    /** One more failure; at the threshold and beyond, (re)opens the circuit and ends any trial. */
    private int countFailure(long channelId, long now) {
        return em.createNativeQuery("update channel_circuit set failures = failures + 1,"
                        + " open_until = case when failures + 1 >= ? then ? else open_until end, trial_until = 0"
                        + " where channel_id = ?")
                .setParameter(1, threshold).setParameter(2, now + openMillis).setParameter(3, channelId)
                .executeUpdate();
    }

    public boolean isOpen(long channelId, long now) {
        return !em.createNativeQuery("select 1 from channel_circuit where channel_id = ? and failures >= ?"
                        + " and open_until > ?")
                .setParameter(1, channelId).setParameter(2, threshold).setParameter(3, now).getResultList().isEmpty();
    }

    /** Open circuits by channel id, for readiness. */
    public Map<Long, State> open(long now) {
        Map<Long, State> open = new TreeMap<>();
        for (Object result : em.createNativeQuery("select channel_id, failures, open_until from channel_circuit"
                        + " where failures >= ? and open_until > ?")
                .setParameter(1, threshold).setParameter(2, now).getResultList()) {
            Object[] row = (Object[]) result;
            open.put(((Number) row[0]).longValue(), new State(((Number) row[1]).intValue(), ((Number) row[2]).longValue()));
        }
        return open;
    }
}
