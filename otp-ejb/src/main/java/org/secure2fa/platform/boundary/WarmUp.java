package org.secure2fa.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.secure2fa.crypto.PayloadCipher;

/**
 * Warms a node before it reports ready: for {@code otp.warmup.seconds} (60) after the application is
 * deployed, {@code otp.warmup.connections} (8) callers generate codes through the node's own public API
 * and verify them, on a project that exists only meanwhile ({@link WarmUpProjects}). A JVM fresh from a
 * start runs the API at a fraction of its speed until the JIT has compiled the hot paths (HTTP parsing,
 * JAX-RS, the EJB and JPA calls, the SQL, the crypto), which takes tens of thousands of calls: without
 * this, a node that joins under load serves its first minute slowly and drags p99. Readiness
 * ({@code /health/ready}) is DOWN until the warm-up ends, whatever its outcome, so a warm-up can delay
 * readiness by its length and the wait for the API, never hold it down. 0 seconds: no warm-up.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WarmUp {

    private static final Logger LOG = Logger.getLogger(WarmUp.class.getName());
    private static final Pattern CODE = Pattern.compile("\\b(\\d{4,10})\\b");
    /** How long the warm-up waits for the node's API to answer once deployed. */
    private static final Duration API_WAIT = Duration.ofMinutes(3);

    /** Threads of their own: the default executor may run one task at a time, and the callers run together. */
    @Resource
    ManagedThreadFactory threads;

    @EJB
    WarmUpProjects projects;

    @Inject
    @ConfigProperty(name = "otp.warmup.seconds", defaultValue = "60")
    int seconds;

    @Inject
    @ConfigProperty(name = "otp.warmup.connections", defaultValue = "8")
    int connections;

    /** The node's own API; by default its HTTP listener on the loopback address. */
    @Inject
    @ConfigProperty(name = "otp.warmup.url")
    Optional<String> url;

    private volatile boolean done;
    private volatile String outcome = "not started";

    @PostConstruct
    void start() {
        int leftovers = projects.removeLeftovers();
        if (leftovers > 0) {
            LOG.info("Removed " + leftovers + " warm-up project(s) a node left behind when it stopped");
        }
        if (seconds <= 0) {
            finish("off (otp.warmup.seconds=0)");
            return;
        }
        outcome = "running";
        threads.newThread(this::run).start();
    }

    /** True once the warm-up has ended, or was off. */
    @Lock(LockType.READ)
    public boolean isDone() {
        return done;
    }

    /** What the warm-up did, for the readiness check's data. */
    @Lock(LockType.READ)
    public String outcome() {
        return outcome;
    }

    private void run() {
        String base = url.orElseGet(WarmUp::ownUrl);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        WarmUpProjects.Keys keys = null;
        try {
            if (!awaitApi(client, base)) {
                finish("skipped: the API at " + base + " did not answer within " + API_WAIT.toMinutes() + " minutes");
                return;
            }
            keys = projects.create();
            SecretKeySpec key = PayloadCipher.keyOf(keys.secretKey()).orElseThrow();
            long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            AtomicLong verified = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            List<Thread> callers = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                String prefix = "warm-up-" + i + "-";
                String publicKey = keys.publicKey();
                Thread caller = threads.newThread(() -> call(client, base, publicKey, key, prefix, until, verified,
                        failed));
                caller.start();
                callers.add(caller);
            }
            for (Thread caller : callers) {
                caller.join();
            }
            finish(String.format("%d codes generated and verified in %d s by %d callers%s", verified.get(), seconds,
                    connections, failed.get() == 0 ? "" : ", " + failed.get() + " calls failed"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish("interrupted");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The warm-up failed; the node reports ready without it", e);
            finish("failed: " + e);
        } finally {
            if (keys != null) {
                try {
                    projects.remove(keys.projectId());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "The warm-up project could not be removed; the next start removes it", e);
                }
            }
        }
    }

    private void finish(String what) {
        outcome = what;
        done = true;
        LOG.info("Warm-up: " + what);
    }

    /** One caller: generate (with template_request, which answers the code) and verify, until {@code until}. */
    private static void call(HttpClient client, String base, String publicKey, SecretKeySpec key, String prefix,
                             long until, AtomicLong verified, AtomicLong failed) {
        boolean reported = false;
        for (long n = 0; System.nanoTime() - until < 0; n++) {
            String uuid = prefix + n;
            try {
                HttpResponse<String> generated = post(client, base + "/otp/generate", "public_key=" + publicKey
                        + "&encrypted_data=" + encode(PayloadCipher.encrypt(uuid + "#warm-up@secure2fa.local", key))
                        + "&template_request=true");
                Matcher code = CODE.matcher(generated.body());
                if (generated.statusCode() == 200 && code.find()) {
                    HttpResponse<String> checked = post(client, base + "/otp/verify", "public_key=" + publicKey
                            + "&encrypted_data=" + encode(PayloadCipher.encrypt(uuid + "#" + code.group(1), key)));
                    if (checked.statusCode() == 200) {
                        verified.incrementAndGet();
                        continue;
                    }
                }
                failed.incrementAndGet();
            } catch (IOException e) {
                failed.incrementAndGet();
                if (!reported) {
                    LOG.log(Level.FINE, "A warm-up call failed", e);
                    reported = true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean awaitApi(HttpClient client, String base) throws InterruptedException {
        long until = System.nanoTime() + API_WAIT.toNanos();
        while (System.nanoTime() - until < 0) {
            try {
                if (post(client, base + "/otp/noop", "public_key=warm-up").statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet: the application is still being deployed
            }
            Thread.sleep(250);
        }
        return false;
    }

    private static HttpResponse<String> post(HttpClient client, String url, String form)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * The HTTP listener on the loopback address: Payara names its port in the system property
     * {@code HTTP_LISTENER_PORT}; WildFly in {@code jboss.http.port}, moved by
     * {@code jboss.socket.binding.port-offset}.
     */
    private static String ownUrl() {
        String payara = System.getProperty("HTTP_LISTENER_PORT");
        int port = payara != null ? Integer.parseInt(payara.trim())
                : Integer.getInteger("jboss.http.port", 8080) + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        return "http://127.0.0.1:" + port;
    }
}
