package org.secure2fa.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.secure2fa.it.Api.Reply;
import org.secure2fa.it.Fixtures.TestProject;

/** The numbers of docs/api.md (OTP policy), including under concurrency, over HTTP. */
class OtpPolicyIT {

    private final TestProject project = Fixtures.project();

    private static String uuid() {
        return "user-" + UUID.randomUUID();
    }

    @Test
    void anExpiredCodeFails() throws Exception {
        TestProject shortLived = Fixtures.project(Fixtures.spec().lifetimeSeconds(1));
        String uuid = uuid();
        String code = Api.template(shortLived, uuid, "a@example.com").code();
        Thread.sleep(1_300);
        Reply reply = Api.verify(shortLived, uuid, code);
        assertEquals(401, reply.status());
        assertEquals("Invalid or expired OTP", reply.json().getString("message"));
    }

    @Test
    void theSixthWrongAttemptGets429AndTheRightCodeThenFailsToo() {
        String uuid = uuid();
        String code = Api.template(project, uuid, "a@example.com").code();
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, Api.verify(project, uuid, Api.wrong(code)).status(), "attempt " + i);
        }
        assertEquals(429, Api.verify(project, uuid, Api.wrong(code)).status());
        assertEquals(429, Api.verify(project, uuid, code).status());
    }

    @Test
    void fiftyParallelWrongGuessesAreAllCounted() throws Exception {
        String uuid = uuid();
        String code = Api.template(project, uuid, "a@example.com").code();
        Map<Integer, Integer> statuses = inParallel(50, () -> Api.verify(project, uuid, Api.wrong(code)).status());
        assertEquals(Map.of(401, 5, 429, 45), statuses, "five attempts, then the code is burned");
        assertEquals(50, Fixtures.number("select consecutive_failures from end_user where project_id = ?", project.id()));
        assertEquals(5, Fixtures.number("select attempts from challenge where project_id = ?", project.id()));
        assertEquals(429, Api.verify(project, uuid, code).status());
    }

    @Test
    void twentyParallelSubmissionsOfTheRightCodeSucceedExactlyOnce() throws Exception {
        String uuid = uuid();
        String code = Api.template(project, uuid, "a@example.com").code();
        Map<Integer, Integer> statuses = inParallel(20, () -> Api.verify(project, uuid, code).status());
        assertEquals(Map.of(200, 1, 401, 19), statuses);
    }

    @Test
    void aNewCodeSupersedesTheOldOneWithoutResettingAttempts() {
        String uuid = uuid();
        String first = Api.template(project, uuid, "a@example.com").code();
        assertEquals(401, Api.verify(project, uuid, Api.wrong(first)).status());
        assertEquals(401, Api.verify(project, uuid, Api.wrong(first)).status());
        String second = Api.template(project, uuid, "a@example.com").code();
        if (!first.equals(second)) {
            assertEquals(401, Api.verify(project, uuid, first).status(), "the old code no longer verifies");
        } else {
            assertEquals(401, Api.verify(project, uuid, Api.wrong(second)).status());
        }
        String userKey = TestServer.KEYRING.userKey(project.id(), uuid);
        assertEquals(1, Fixtures.number("select count(*) from challenge where user_key = ? and status = 'SUPERSEDED'",
                userKey), "the first code is retired");
        assertEquals(1, Fixtures.number("select count(*) from end_user u join challenge c "
                + "on c.id = u.current_challenge_id where u.user_key = ? and c.status = 'ACTIVE'", userKey),
                "the user points at the new code");
        // attempts carried over: 3 used, so two more wrong ones burn the new code
        assertEquals(401, Api.verify(project, uuid, Api.wrong(second)).status());
        assertEquals(401, Api.verify(project, uuid, Api.wrong(second)).status());
        assertEquals(429, Api.verify(project, uuid, second).status(), "a reset would have let this through");
    }

    @Test
    void aNewCodeAfterABurnedOneWorks() {
        String uuid = uuid();
        String first = Api.template(project, uuid, "a@example.com").code();
        for (int i = 0; i < 5; i++) {
            Api.verify(project, uuid, Api.wrong(first));
        }
        assertEquals(429, Api.verify(project, uuid, first).status());
        String second = Api.template(project, uuid, "a@example.com").code();
        assertEquals(200, Api.verify(project, uuid, second).status(), "\"Request a new OTP\" must be true");
    }

    @Test
    void fiveSendsPerUserPerWindowThen429() {
        String uuid = uuid();
        for (int i = 1; i <= 5; i++) {
            assertEquals(200, Api.generate(project, uuid, "a@example.com").status(), "send " + i);
        }
        Reply sixth = Api.generate(project, uuid, "a@example.com");
        assertEquals(429, sixth.status());
        assertEquals("{\"success\":false,\"message\":\"Too many OTP requests for this user. Try again later.\"}",
                sixth.body());
        assertEquals(200, Api.generate(project, uuid(), "a@example.com").status(), "other users are not affected");
    }

    @Test
    void parallelGeneratesCannotExceedTheSendLimit() throws Exception {
        String uuid = uuid();
        Map<Integer, Integer> statuses = inParallel(20, () -> Api.template(project, uuid, "a@example.com").status());
        assertEquals(Map.of(200, 5, 429, 15), statuses);
    }

    @Test
    void deviceCheckComparesWhatWasGivenAtBothCalls() {
        String ua = "Mozilla/5.0 (Macintosh)";
        String uuid = uuid();
        String code = Api.template(project, uuid, "a@example.com", "ip_address", "203.0.113.7", "user_agent", ua).code();
        assertEquals(401, Api.verify(project, uuid, code, "ip_address", "203.0.113.8", "user_agent", ua).status());
        Reply otherAgent = Api.verify(project, uuid, code, "ip_address", "203.0.113.7", "user_agent", "curl/8");
        assertEquals("Unauthorized device.", otherAgent.json().getString("message"));
        assertEquals(200, Api.verify(project, uuid, code, "ip_address", "203.0.113.7", "user_agent", ua).status());

        String uuid2 = uuid();
        String code2 = Api.template(project, uuid2, "a@example.com", "ip_address", "203.0.113.7").code();
        assertEquals(200, Api.verify(project, uuid2, code2).status(), "not given at verify: not compared");
    }

    @Test
    void deviceCheckModesPerProject() {
        TestProject off = Fixtures.project(Fixtures.spec().deviceCheck("OFF"));
        String uuid = uuid();
        String code = Api.template(off, uuid, "a@example.com", "ip_address", "203.0.113.7", "user_agent", "A").code();
        assertEquals(200, Api.verify(off, uuid, code, "ip_address", "198.51.100.9", "user_agent", "B").status());

        TestProject agentOnly = Fixtures.project(Fixtures.spec().deviceCheck("USER_AGENT"));
        String uuid2 = uuid();
        String code2 = Api.template(agentOnly, uuid2, "a@example.com", "ip_address", "203.0.113.7", "user_agent", "A").code();
        assertEquals(401, Api.verify(agentOnly, uuid2, code2, "ip_address", "203.0.113.7", "user_agent", "B").status());
        assertEquals(200, Api.verify(agentOnly, uuid2, code2, "ip_address", "198.51.100.9", "user_agent", "A").status(),
                "mobile IPs change: USER_AGENT mode ignores the address");
    }

    @Test
    void aHundredConsecutiveFailuresLockTheUser() {
        String uuid = uuid();
        String code = Api.template(project, uuid, "a@example.com").code();
        for (int i = 0; i < 100; i++) {
            Api.verify(project, uuid, Api.wrong(code));
        }
        assertEquals(100, Fixtures.number("select consecutive_failures from end_user where project_id = ?", project.id()));
        assertEquals(429, Api.template(project, uuid, "a@example.com").status(), "locked: no new code either");
    }

    /** Runs {@code n} calls at once (all released together) and counts the statuses. */
    static Map<Integer, Integer> inParallel(int n, Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            Map<Integer, Integer> counts = new TreeMap<>();
            for (Future<Integer> f : futures) {
                counts.merge(f.get(), 1, Integer::sum);
            }
            return counts;
        } finally {
            pool.shutdownNow();
        }
    }
}
