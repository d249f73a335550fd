package org.secure2fa.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.secure2fa.it.Api.Reply;
import org.secure2fa.it.Fixtures.TestProject;
import org.secure2fa.launcher.Cluster;

/**
 * Two Payara Server nodes of the EAR in one data grid, on one PostgreSQL, behind nginx (the failsafe
 * execution http-suite-cluster): the OTP policy holds across nodes, a change through one node is in
 * force on the other within a second, circuit breakers are shared, a console session survives the
 * death of its node, a node killed under load loses no delivery and fails only the requests it had in
 * flight, and a rolling restart fails none.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    /** The load generator's concurrency: no more requests than this can be in flight on a node that dies. */
    private static final int LOAD_CONCURRENCY = 32;

    @RegisterExtension
    static WireMockExtension postmark = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static ConsoleMember member;

    private static Cluster cluster() {
        return TestServer.get().cluster();
    }

    private static String node(int n) {
        return cluster().node(n).baseUrl();
    }

    @AfterAll
    static void closeBrowser() {
        if (member != null) {
            member.close();
        }
    }

    @Test
    @Order(1)
    void fiftyParallelWrongGuessesOverBothNodesAreAllCounted() throws Exception {
        TestProject project = Fixtures.project();
        String uuid = "cluster-" + UUID.randomUUID();
        String code = Api.templateAt(node(1), project, uuid, uuid + "@example.com").code();
        AtomicInteger turn = new AtomicInteger();
        Map<Integer, Integer> statuses = OtpPolicyIT.inParallel(50,
                () -> Api.verifyAt(node(1 + turn.getAndIncrement() % 2), project, uuid, Api.wrong(code)).status());
        assertEquals(Map.of(401, 5, 429, 45), statuses, "five attempts over both nodes, then the code is burned");
        assertEquals(429, Api.verifyAt(node(1), project, uuid, code).status());
        assertEquals(429, Api.verifyAt(node(2), project, uuid, code).status());
    }

    @Test
    @Order(2)
    void twentyParallelRightSubmissionsOverBothNodesSucceedOnce() throws Exception {
        TestProject project = Fixtures.project();
        String uuid = "cluster-" + UUID.randomUUID();
        String code = Api.templateAt(node(2), project, uuid, uuid + "@example.com").code();
        AtomicInteger turn = new AtomicInteger();
        Map<Integer, Integer> statuses = OtpPolicyIT.inParallel(20,
                () -> Api.verifyAt(node(1 + turn.getAndIncrement() % 2), project, uuid, code).status());
        assertEquals(1, statuses.get(200), "exactly one success: " + statuses);
        assertEquals(20, statuses.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    @Order(3)
    void aCodeGeneratedOnOneNodeVerifiesOnTheOther() {
        TestProject project = Fixtures.project();
        String uuid = "cluster-" + UUID.randomUUID();
        String code = Api.templateAt(node(1), project, uuid, uuid + "@example.com").code();
        assertEquals(200, Api.verifyAt(node(2), project, uuid, code).status());
    }

    @Test
    @Order(4)
    void aKeyRotationThroughNode1IsInForceOnNode2WithinASecond() throws Exception {
        member = ConsoleMember.signUp("cluster");
        String token = ManageApiIT.makeToken(member, "rotation", true);
        TestProject project = Fixtures.project();
        Fixtures.execute("update project set account_id = (select id from account where email = ?) where id = ?",
                member.email, project.id());
        String uuid = "cluster-" + UUID.randomUUID();
        assertEquals(200, Api.templateAt(node(2), project, uuid, "a@example.com").status(), "node 2 has the old key cached");

        HttpResponse<String> rotated = CLIENT.send(HttpRequest.newBuilder(URI.create(node(1) + "/api/v1/projects/"
                        + project.id() + "/secret-rotations")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"graceHours\":0}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, rotated.statusCode(), rotated.body());
        long start = System.nanoTime();
        String secret = jsonString(rotated.body(), "secretKey");
        TestProject renewed = new TestProject(project.id(), project.publicKey(), secret, project.channelId());

        int status = Api.templateAt(node(2), renewed, uuid, "b@example.com").status();
        while (status != 200 && System.nanoTime() - start < 5_000_000_000L) {
            Thread.sleep(20);
            status = Api.templateAt(node(2), renewed, uuid, "b@example.com").status();
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, status, "the new key on node 2");
        assertTrue(elapsedMs < 1_000, "in force on node 2 after " + elapsedMs + " ms");
        assertEquals(401, Api.templateAt(node(2), project, uuid, "c@example.com").status(), "the old key is refused on node 2");
    }

    @Test
    @Order(5)
    void aCircuitOpenedByNode1IsOpenOnNode2() throws Exception {
        postmark.stubFor(post("/email").willReturn(aResponse().withStatus(503).withBody("{\"Message\":\"down\"}")));
        TestProject project = Fixtures.project(Fixtures.spec()
                .provider("postmark", Map.of("server_token", "t", "from", "otp@example.com", "base_url", postmark.baseUrl(),
                        "timeout_ms", "2000"))
                .fallbackSmtp(TestServer.get().smtpPort()));
        String uuid = "circuit-" + UUID.randomUUID();
        assertEquals(200, Api.post(node(1) + "/otp/generate", Api.form("public_key", project.publicKey(),
                "encrypted_data", project.encrypt(uuid + "#" + uuid + "@example.com"))).status());
        DeliveryIT.awaitMail(uuid + "@example.com", 20_000);
        long channel = project.channelId();
        Reply ready = Api.get(node(2) + "/health/ready");
        assertTrue(ready.body().contains("channel " + channel), "node 2 reports the circuit node 1 opened: " + ready.body());

        int calls = postmark.findAll(postRequestedFor(urlEqualTo("/email"))).size();
        String second = "circuit-" + UUID.randomUUID();
        assertEquals(200, Api.post(node(2) + "/otp/generate", Api.form("public_key", project.publicKey(),
                "encrypted_data", project.encrypt(second + "#" + second + "@example.com"))).status());
        DeliveryIT.awaitMail(second + "@example.com", 20_000);
        assertEquals(calls, postmark.findAll(postRequestedFor(urlEqualTo("/email"))).size(),
                "node 2 sent through the fallback without calling the open primary");
    }

    @Test
    @Order(6)
    void aConsoleSessionSurvivesTheDeathOfItsNodeMidForm() throws Exception {
        if (member == null) {
            member = ConsoleMember.signUp("cluster");
        }
        Browser b = member.browser;
        b.open("/app/tokens.xhtml");
        b.type("tokens:name", "typed before the crash");
        int serving = servingNode();
        cluster().kill(serving);
        try {
            b.click("tokens:create");
            b.awaitPresent("#issuedToken");
            assertEquals(3, b.text("issuedToken").split("\\.").length, "the form posted to the surviving node worked");
            assertEquals(1, Fixtures.number("select count(*) from api_token where name = 'typed before the crash'"));
        } finally {
            cluster().startAgain(serving);
        }
    }

    /** The node nginx sent the console's last request to, from its access log. */
    private static int servingNode() throws Exception {
        Thread.sleep(200);
        List<String> lines = Files.readAllLines(cluster().loadBalancer().accessLog());
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains("/app/tokens.xhtml")) {
                String upstream = lines.get(i).split(" ")[0];
                for (int n = 1; n <= cluster().size(); n++) {
                    if (upstream.endsWith(":" + cluster().node(n).httpPort())) {
                        return n;
                    }
                }
            }
        }
        throw new AssertionError("The access log has no request for the token page");
    }

    @Test
    @Order(7)
    void underLoadAKilledNodeLosesNoDeliveryAndFailsOnlyRequestsInFlightOnIt() throws Exception {
        TestProject verifying = Fixtures.project();
        TestProject delivering = Fixtures.project(Fixtures.spec().smtp(TestServer.get().smtpPort()));
        // the node restarted by the previous test is fresh from its start (no warm-up before readiness
        // yet): a minute of full load first, or it holds most of the load's requests and the rate drops
        Load warmUp = new Load(verifying, null);
        warmUp.start();
        Thread.sleep(45_000);
        warmUp.stop();

        Load load = new Load(verifying, delivering);
        load.start();
        long failuresBefore;
        long requestsBefore;
        double seconds;
        try {
            Thread.sleep(8_000);
            failuresBefore = load.failures.get();
            requestsBefore = load.requests.get();
            cluster().kill(1);
            load.killed = true;
            Thread.sleep(12_000);
            seconds = 20;
        } finally {
            load.stop();
        }
        try {
            System.out.printf("[cluster] kill -9 under load: %d operations, %d requests in 20 s (%d in the 8 s before the"
                            + " kill), %d failed (%d before the kill), %d deliveries accepted; %d requests in the warm-up%n",
                    load.operations.get(), load.requests.get(), requestsBefore, load.failures.get(), failuresBefore,
                    load.delivered.size(), warmUp.requests.get());
            System.out.println("[cluster] failures: " + load.errors);
            assertEquals(0, failuresBefore, "no failure before the kill: " + load.errors);
            assertTrue(load.failures.get() <= LOAD_CONCURRENCY, "at most the requests in flight on the killed node"
                    + " failed: " + load.failures.get() + " " + load.errors);
            assertTrue(load.requests.get() / seconds >= 200, "at least 200 requests a second: " + load.requests.get()
                    + " in " + seconds + " s");
            assertTrue(load.afterKill.get() > 0, "the survivor carried on");

            long deadline = System.currentTimeMillis() + 60_000;
            Map<String, Integer> received = received(load.delivered.keySet());
            while (received.size() < load.delivered.size() && System.currentTimeMillis() < deadline) {
                Thread.sleep(500);
                received = received(load.delivered.keySet());
            }
            assertEquals(load.delivered.size(), received.size(), "every accepted generate was delivered");
            long twice = received.values().stream().filter(count -> count > 1).count();
            System.out.printf("[cluster] %d messages delivered, %d twice (sent by the killed node just before it died)%n",
                    received.size(), twice);
            assertTrue(twice <= LOAD_CONCURRENCY, "duplicates only from sends in flight on the killed node: " + twice);
        } finally {
            cluster().startAgain(1);
        }
    }

    @Test
    @Order(8)
    void aRollingRestartOfBothNodesFailsNoVerify() throws Exception {
        Load load = new Load(Fixtures.project(), null);
        load.start(20); // 50 operations a second: each node starts while the other carries the load
        try {
            cluster().restart(1);
            cluster().restart(2);
            Thread.sleep(2_000);
        } finally {
            load.stop();
        }
        System.out.printf("[cluster] rolling restart: %d operations, %d requests, %d failed%n", load.operations.get(),
                load.requests.get(), load.failures.get());
        assertTrue(load.operations.get() > 2_000, "load ran through both restarts: " + load.operations.get());
        assertEquals(0, load.failures.get(), "no request failed: " + load.errors);
    }

    private static Map<String, Integer> received(java.util.Set<String> addresses) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage message : TestServer.get().mail.getReceivedMessages()) {
            String to = message.getAllRecipients()[0].toString();
            if (addresses.contains(to)) {
                counts.merge(to, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static String jsonString(String json, String name) {
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
            return reader.readObject().getString(name);
        }
    }

    /**
     * A steady load through nginx: up to 200 operations a second, each a template generate and a verify of
     * its code, and for every tenth one a generate delivered by email instead; at most
     * {@link #LOAD_CONCURRENCY} operations at a time. A failure is any answer but the expected one, or
     * no answer.
     */
    private static final class Load {

        final AtomicLong operations = new AtomicLong();
        final AtomicLong requests = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        final AtomicLong afterKill = new AtomicLong();
        final Map<String, Boolean> delivered = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        private final TestProject verifying;
        private final TestProject delivering;
        private final ExecutorService workers = Executors.newFixedThreadPool(LOAD_CONCURRENCY);
        private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        private final java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(LOAD_CONCURRENCY);
        volatile boolean killed;

        Load(TestProject verifying, TestProject delivering) {
            this.verifying = verifying;
            this.delivering = delivering;
        }

        void start() {
            start(5);
        }

        /** One operation every {@code periodMs}. */
        void start(long periodMs) {
            clock.scheduleAtFixedRate(this::next, 0, periodMs, TimeUnit.MILLISECONDS);
        }

        private void next() {
            if (!slots.tryAcquire()) {
                return; // every slot busy: this operation is skipped, the rate drops
            }
            long n = operations.incrementAndGet();
            workers.execute(() -> {
                try {
                    operation(n);
                } finally {
                    slots.release();
                }
            });
        }

        private void operation(long n) {
            String uuid = "load-" + n + "-" + UUID.randomUUID();
            try {
                if (delivering != null && n % 10 == 0) {
                    String to = uuid + "@example.com";
                    Reply generated = Api.generate(delivering, uuid, to);
                    requests.incrementAndGet();
                    if (generated.status() == 200) {
                        delivered.put(to, true);
                    } else {
                        fail("generate " + generated.status());
                    }
                    return;
                }
                Reply generated = Api.template(verifying, uuid, uuid + "@example.com");
                requests.incrementAndGet();
                if (generated.status() != 200) {
                    fail("template " + generated.status());
                    return;
                }
                Reply verified = Api.verify(verifying, uuid, generated.code());
                requests.incrementAndGet();
                if (verified.status() != 200) {
                    fail("verify " + verified.status());
                } else if (killed) {
                    afterKill.incrementAndGet();
                }
            } catch (RuntimeException e) {
                fail(String.valueOf(e.getCause() == null ? e : e.getCause()));
            }
        }

        private void fail(String what) {
            failures.incrementAndGet();
            if (errors.size() < 20) {
                errors.add(what);
            }
        }

        void stop() throws InterruptedException {
            clock.shutdownNow();
            workers.shutdown();
            workers.awaitTermination(30, TimeUnit.SECONDS);
        }
    }
}
