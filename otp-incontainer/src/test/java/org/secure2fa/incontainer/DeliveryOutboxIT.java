package org.secure2fa.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secure2fa.delivery.boundary.ClaimedDelivery;
import org.secure2fa.delivery.boundary.DeliveryOutbox;
import org.secure2fa.delivery.control.DeliveryBacklog;
import org.secure2fa.delivery.spi.DeliveryReceipt;
import org.secure2fa.incontainer.Fixtures.TestProject;

/**
 * The outbox claim is what keeps two dispatchers (two nodes, or a poll and a kick) from sending one
 * message twice: a conditional update, so exactly one of two racing claims of a row wins.
 */
@ExtendWith(ArquillianExtension.class)
class DeliveryOutboxIT {

    private static final int ROWS = 200;

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModule();
    }

    @EJB
    DeliveryOutbox outbox;

    @EJB
    Fixtures fixtures;

    @Inject
    DeliveryBacklog backlog;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Test
    void twoDispatchersClaimingAtOnceNeverTakeTheSameDelivery() throws Exception {
        awaitTheDispatchersFirstPoll();
        TestProject project = fixtures.project();
        List<Long> due = fixtures.pendingDeliveries(project, ROWS, System.currentTimeMillis());

        // both go through the rows in the same order, as two nodes that polled the same due rows
        List<Set<Long>> claimed = Parallel.atOnce(threads, List.of(claimEach(due), claimEach(due)));

        Set<Long> first = claimed.get(0);
        Set<Long> second = claimed.get(1);
        Set<Long> both = new HashSet<>(first);
        both.retainAll(second);
        assertEquals(Set.of(), both, "claimed by both dispatchers");
        Set<Long> either = new HashSet<>(first);
        either.addAll(second);
        assertEquals(new HashSet<>(due), either, "every due row is claimed by one of them");
        assertEquals(ROWS, fixtures.number("select count(*) from delivery where project_id = ? and status = 'SENDING' "
                + "and attempts = 1", project.id()), "one claim counted per row");
    }

    @Test
    void aClaimIsExtendedAndItsOutcomeRecordedOnlyByTheNodeThatHoldsIt() throws Exception {
        awaitTheDispatchersFirstPoll();
        TestProject project = fixtures.project();
        long now = System.currentTimeMillis();
        long id = fixtures.pendingDeliveries(project, 1, now).get(0);

        ClaimedDelivery first = outbox.claim(id).orElseThrow();
        long extended = first.claimedUntil() + 60_000;
        assertTrue(outbox.extendClaim(id, first.claimedUntil(), extended), "the holder extends its claim before a send");
        assertTrue(outbox.claim(id).isEmpty(), "a claim under way is not up for grabs");
        assertFalse(outbox.extendClaim(id, first.claimedUntil(), extended + 1), "a claim's old end is no longer a token");

        // the first node stalls past its claim; another node claims the row
        long lapsed = now - 1;
        assertEquals(1, fixtures.execute("update delivery set claimed_until = ? where id = ?", lapsed, id));
        ClaimedDelivery second = outbox.claim(id).orElseThrow();
        assertFalse(outbox.extendClaim(id, lapsed, System.currentTimeMillis() + 60_000),
                "the first node may not go on to send");
        assertFalse(outbox.record(id, lapsed, project.channelId(), "dev-outbox", DeliveryReceipt.accepted("first")),
                "nor record an outcome");
        assertTrue(outbox.record(id, second.claimedUntil(), project.channelId(), "dev-outbox",
                DeliveryReceipt.accepted("second")));
        assertEquals(1, fixtures.number("select count(*) from delivery where id = ? and status = 'SENT'"
                + " and provider_message_id = 'second'", id));
    }

    /** A dispatcher's pass over the due rows: the ids it won. */
    private Callable<Set<Long>> claimEach(List<Long> ids) {
        return () -> {
            Set<Long> won = new HashSet<>();
            for (long id : ids) {
                outbox.claim(id).ifPresent(delivery -> {
                    assertEquals(id, delivery.request().deliveryId());
                    won.add(id);
                });
            }
            return won;
        };
    }

    /**
     * The dispatcher's own timer polls a second after start, then every otp.delivery.poll-interval-ms
     * (an hour in these tests, see micro.properties); a poll counts the backlog before it looks for due
     * rows. Rows written after the first poll are claimed only by the test's two dispatchers (nothing
     * kicks them: only a generate does).
     */
    private void awaitTheDispatchersFirstPoll() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (backlog.size() < 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(backlog.size() >= 0, "the dispatcher never polled");
        Thread.sleep(500); // the rest of that poll: its look for due rows
    }
}
