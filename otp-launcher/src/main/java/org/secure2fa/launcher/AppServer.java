package org.secure2fa.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * One application server running the Secure 2FA EAR: Payara Server (the default) or WildFly. The
 * launcher and the HTTP tests drive both through this, so neither knows which one it talks to.
 */
public interface AppServer {

    /** The servers the EAR is built and tested for. */
    enum Kind {
        PAYARA, WILDFLY;

        /** {@code payara} or {@code wildfly}, any case; blank means Payara. */
        public static Kind of(String name) {
            if (name == null || name.isBlank()) {
                return PAYARA;
            }
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown server '" + name + "': payara or wildfly");
            }
        }
    }

    /**
     * A server of the given kind.
     *
     * @param checkout   the repository, whose {@code domain.xml} or {@code wildfly/standalone.cli} configures it
     * @param baseDir    where the distribution is unpacked and the server's own files kept
     * @param portOffset added to every port (HTTP 8080, HTTPS 8181 or 8443, administration)
     */
    static AppServer create(Kind kind, Path checkout, Path baseDir, int portOffset) {
        return create(kind, checkout, baseDir, baseDir.resolve(kind == Kind.PAYARA ? "domains" : "wildfly-server"), portOffset);
    }

    /**
     * A server of the given kind whose own files live in {@code ownDir} (Payara: the domains directory;
     * WildFly: the server's base directory), so several servers share one installation.
     */
    static AppServer create(Kind kind, Path checkout, Path installParent, Path ownDir, int portOffset) {
        return switch (kind) {
            case PAYARA -> new PayaraServer(installParent, ownDir, portOffset, checkout.resolve("domain.xml"));
            case WILDFLY -> new WildFlyServer(installParent, ownDir, portOffset, checkout.resolve("wildfly/standalone.cli"));
        };
    }

    Kind kind();

    /** Environment for the server process (MicroProfile Config reads OTP_* from it). */
    AppServer withEnvironment(Map<String, String> env);

    /** Unpacks the distribution unless it already is. */
    void install() throws IOException;

    /** Writes the server's configuration for this database; deploy again afterwards. */
    void configure(Database database) throws IOException, InterruptedException;

    void start() throws IOException, InterruptedException;

    void deploy(Path ear) throws IOException, InterruptedException;

    void stop() throws IOException, InterruptedException;

    /** Kills the server process at once, as a crash would: no shutdown hooks, no orderly stop. */
    void kill() throws IOException, InterruptedException;

    boolean isRunning();

    int httpPort();

    int httpsPort();

    default String baseUrl() {
        return "http://localhost:" + httpPort();
    }

    /**
     * Where the server reads the keys that verify management-API tokens: the application's own JWKS, over
     * loopback (MP-JWT's {@code mp.jwt.verify.publickey.location}, through {@code OTP_MANAGE_JWKS_URL}).
     */
    default String jwksUrl() {
        return "http://127.0.0.1:" + httpPort() + "/api/v1/jwks";
    }

    /** The server's main log (the application's log lines end up there). */
    Path serverLog();

    /** The server's own directory: the default home of the master key, the H2 file and the dev outbox. */
    Path serverDir();

    /** Where the embedded H2 database lives, without H2's {@code .mv.db} suffix. */
    Path embeddedDatabase();

    /** Where the dev-outbox channel writes unless OTP_DELIVERY_DEV_OUTBOX_DIR says otherwise. */
    Path devOutbox();

    /** Waits until {@code /health/ready} answers 200 on the public port. */
    default void awaitReady(Duration timeout) throws InterruptedException, IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            checkDeployment();
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Not ready after " + timeout + ": " + last);
    }

    /** Throws when the server has said the deployment failed, so a start fails fast with the reason. */
    default void checkDeployment() throws IOException {
    }
}
