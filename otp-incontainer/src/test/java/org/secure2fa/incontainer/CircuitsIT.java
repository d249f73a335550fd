package org.secure2fa.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secure2fa.delivery.control.Circuits;
import org.secure2fa.delivery.control.DeliveryConfig;

/**
 * Channel circuit breakers kept in the database, one per channel for every node: failures counted
 * together open it, one trial call at a time is let through when the open time is up (raced here by
 * as many threads as a cluster has workers), success closes it and a failed trial opens it again.
 */
@ExtendWith(ArquillianExtension.class)
class CircuitsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModule();
    }

    @Inject
    Circuits circuits;

    @Inject
    DeliveryConfig config;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private static long someChannel() {
        return ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
    }

    @Test
    void opensAfterConsecutiveFailuresThenLetsOneTrialThroughAndClosesOnSuccess() throws Exception {
        long channel = someChannel();
        long other = someChannel();
        int threshold = config.circuitFailures();
        long open = config.circuitOpenMillis();
        for (int i = 1; i < threshold; i++) {
            circuits.failed(channel, 0);
            assertTrue(circuits.allows(channel, 0), i + " failures: still closed");
        }
        circuits.failed(channel, 0);
        assertFalse(circuits.allows(channel, 10), "open");
        assertTrue(circuits.isOpen(channel, 10));
        assertTrue(circuits.open(10).containsKey(channel));
        assertTrue(circuits.allows(other, 10), "other channels are not affected");

        Map<Boolean, Integer> trials = Parallel.counted(threads, 16, () -> circuits.allows(channel, open));
        assertEquals(1, trials.get(true), "half-open: one trial among every caller: " + trials);
        assertFalse(circuits.allows(channel, open + 1), "only one trial at a time");
        assertTrue(circuits.allows(channel, 2 * open), "a trial whose node died is given again after the open time");
        circuits.succeeded(channel);
        assertTrue(circuits.allows(channel, 2 * open + 1), "closed again");
        assertFalse(circuits.open(2 * open + 1).containsKey(channel));
    }

    @Test
    void aFailedTrialOpensItAgain() {
        long channel = someChannel();
        int threshold = config.circuitFailures();
        long open = config.circuitOpenMillis();
        for (int i = 0; i < threshold; i++) {
            circuits.failed(channel, 0);
        }
        assertTrue(circuits.allows(channel, open + 500));
        circuits.failed(channel, open + 500);
        assertFalse(circuits.allows(channel, open + 600));
        assertTrue(circuits.allows(channel, 2 * open + 500));
    }

    @Test
    void aSuccessResetsTheCount() {
        long channel = someChannel();
        for (int i = 1; i < config.circuitFailures(); i++) {
            circuits.failed(channel, 0);
        }
        circuits.succeeded(channel);
        circuits.failed(channel, 0);
        assertTrue(circuits.allows(channel, 1));
    }

    @Test
    void failuresRacingOnAChannelWithoutARowAreAllCounted() throws Exception {
        long channel = someChannel();
        int threshold = config.circuitFailures();
        Parallel.counted(threads, threshold, () -> {
            circuits.failed(channel, 0);
            return 0;
        });
        assertTrue(circuits.isOpen(channel, 1), "every racing failure counted: the circuit opened");
    }
}
