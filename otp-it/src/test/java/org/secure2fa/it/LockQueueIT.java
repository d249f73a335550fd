package org.secure2fa.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.secure2fa.it.Api.Reply;
import org.secure2fa.it.Fixtures.TestProject;

/**
 * A verify reads the user's row and its current code in one statement that locks both. When that
 * statement had to wait for the lock, PostgreSQL hands it both rows' newest versions and judges the
 * join again against them: a code that the call ahead of it replaced or burned is seen as it is now,
 * not as it was when the statement began. Each test holds the user's lock itself, queues calls behind
 * it and lets them go in order. PostgreSQL only: its lock queue is first come, first served, which the test
 * needs to know which call goes first; H2 wakes waiters in no set order.
 */
class LockQueueIT {

    @Test
    void aCodeReplacedWhileItsVerifyWaitedForTheLockIsRefusedAndTheGuessCountsAgainstTheNewOne() throws Exception {
        TestProject project = Fixtures.project();
        String uuid = "queue-" + UUID.randomUUID();
        String first = Api.template(project, uuid, "a@example.com").code();
        String userKey = TestServer.KEYRING.userKey(project.id(), uuid);

        Reply[] replies = queuedBehindTheLock(userKey,
                () -> Api.template(project, uuid, "a@example.com"),
                () -> Api.verify(project, uuid, first));

        assertEquals(200, replies[0].status(), replies[0].body());
        if (!replies[0].code().equals(first)) {
            assertEquals(401, replies[1].status(), "the code the generate replaced no longer verifies");
        }
        assertEquals(0, Fixtures.number("select attempts from challenge where user_key = ? and status = 'SUPERSEDED'",
                userKey), "the replaced code was not the one checked");
        assertEquals(1, Fixtures.number("select c.attempts from end_user u join challenge c "
                + "on c.id = u.current_challenge_id where u.user_key = ? and c.status = 'ACTIVE'", userKey),
                "the guess counts against the code in force when the verify held the lock");
        assertEquals(1, Fixtures.number("select consecutive_failures from end_user where user_key = ?", userKey));
    }

    /**
     * The last wrong guess a code allows and the right code, queued in that order: the right code must
     * find the code burned by the guess that went first, not the code as it was when its statement began.
     */
    @Test
    void theRightCodeQueuedBehindTheGuessThatBurnsTheCodeIsRefused() throws Exception {
        TestProject project = Fixtures.project();
        String uuid = "queue-" + UUID.randomUUID();
        String code = Api.template(project, uuid, "a@example.com").code();
        String userKey = TestServer.KEYRING.userKey(project.id(), uuid);
        for (int i = 1; i < 5; i++) {
            assertEquals(401, Api.verify(project, uuid, Api.wrong(code)).status(), "wrong guess " + i);
        }

        Reply[] replies = queuedBehindTheLock(userKey,
                () -> Api.verify(project, uuid, Api.wrong(code)),
                () -> Api.verify(project, uuid, code));

        assertEquals(401, replies[0].status(), "the fifth wrong guess is answered as wrong, and burns the code");
        assertEquals(429, replies[1].status(), "the right code comes after the code was burned");
        assertEquals(0, Fixtures.number("select count(*) from challenge where user_key = ? and status = 'VERIFIED'",
                userKey));
    }

    /**
     * Holds the user's row lock, sends the calls one after the other so that each queues for the lock
     * behind the one before, then lets go: they run in the order given, each having begun before the
     * ones ahead of it finished.
     */
    @SafeVarargs
    private static Reply[] queuedBehindTheLock(String userKey, Callable<Reply>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try (Connection holder = TestServer.get().connection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "select user_key from end_user where user_key = ? for update")) {
                lock.setString(1, userKey);
                lock.executeQuery().close();
            }
            List<Future<Reply>> replies = new ArrayList<>();
            for (Callable<Reply> call : calls) {
                replies.add(pool.submit(call));
                awaitWaiting(replies.size());
            }
            holder.rollback();
            Reply[] answers = new Reply[calls.length];
            for (int i = 0; i < calls.length; i++) {
                answers[i] = replies.get(i).get(30, TimeUnit.SECONDS);
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits until {@code count} sessions of the test database wait for a lock. */
    private static void awaitWaiting(int count) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int waiting = 0;
        while (System.nanoTime() < deadline) {
            // pg_stat_activity is a snapshot per transaction: read it on a fresh connection each time
            try (Connection c = TestServer.get().connection(); PreparedStatement s = c.prepareStatement(
                    "select count(*) from pg_stat_activity where datname = current_database() "
                            + "and wait_event_type = 'Lock'"); ResultSet r = s.executeQuery()) {
                r.next();
                waiting = r.getInt(1);
            }
            if (waiting >= count) {
                return;
            }
            Thread.sleep(20);
        }
        assertTrue(waiting >= count, waiting + " sessions wait for the lock, not " + count);
    }
}
