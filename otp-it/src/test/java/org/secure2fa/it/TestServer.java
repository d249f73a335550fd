package org.secure2fa.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.secure2fa.crypto.Keyring;
import org.secure2fa.launcher.AppServer;
import org.secure2fa.launcher.Cluster;
import org.secure2fa.launcher.Database;

/**
 * The real EAR on a real server (Payara Server or WildFly, {@code otp.it.server}), started once per
 * test JVM (one failsafe execution per server and database) and stopped when the JVM exits, whatever
 * the tests did. Also runs the SMTP server (GreenMail) the service sends email to. Tests talk to it
 * over HTTP and do not know which server it is. With {@code otp.it.cluster=N} it is instead N Payara
 * Server nodes in one data grid on PostgreSQL behind nginx ({@link #cluster()}), and tests talk to
 * nginx.
 */
public final class TestServer {

    /** The master key the server runs with, so fixtures can seal project secrets as the server does. */
    static final byte[] MASTER_KEY = "secure2fa-integration-tests-key!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    static final Keyring KEYRING = new Keyring(MASTER_KEY);

    private static TestServer instance;

    /** The PostgreSQL database of this suite: the cluster's apart from the single servers'. */
    static final String DATABASE = Integer.getInteger("otp.it.cluster", 0) > 0 ? "otp_it_cluster" : "otp_it";

    final String db;
    final int portOffset;
    /** The one server, or node 1 of the cluster. */
    final AppServer server;
    private final Cluster cluster;
    final GreenMail mail;
    final Path outbox;
    private final String jdbcUrl;

    private TestServer() {
        db = System.getProperty("otp.it.db", "h2");
        portOffset = Integer.getInteger("otp.it.portOffset", 10000);
        AppServer.Kind kind = AppServer.Kind.of(System.getProperty("otp.it.server"));
        Path base = Path.of(System.getProperty("otp.it.base", "target/server"));
        Path own = base.resolve(kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + db
                + (Integer.getInteger("otp.it.cluster", 0) > 0 ? "-cluster" : ""));
        outbox = base.resolve("outbox-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + db);
        int nodes = Integer.getInteger("otp.it.cluster", 0);
        if (nodes > 0) {
            cluster = new Cluster(Path.of(System.getProperty("otp.it.repo", "..")).toAbsolutePath(),
                    own.toAbsolutePath(), nodes, portOffset);
            server = cluster.node(1);
        } else {
            cluster = null;
            server = AppServer.create(kind, Path.of(System.getProperty("otp.it.repo", "..")), base, own, portOffset);
        }
        ServerSetup smtp = new ServerSetup(smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        // GreenMail's 2 s to bind is too short on a busy 2-core machine right after the other suite
        smtp.setServerStartupTimeout(30_000);
        mail = new GreenMail(smtp);
        jdbcUrl = "postgres".equals(db)
                ? "jdbc:postgresql://127.0.0.1:5432/" + DATABASE
                : "jdbc:h2:" + server.embeddedDatabase().toAbsolutePath()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
        Map<String, String> env = new HashMap<>();
        env.put("OTP_MASTER_KEY", Base64.getEncoder().encodeToString(MASTER_KEY));
        env.put("OTP_DELIVERY_POLL_INTERVAL_MS", "300");
        env.put("OTP_DELIVERY_BACKOFF_BASE_MS", "300");
        env.put("OTP_DELIVERY_BACKOFF_MAX_MS", "1000");
        env.put("OTP_DELIVERY_CLAIM_TIMEOUT_MS", "10000");
        env.put("OTP_DELIVERY_DEV_OUTBOX_DIR", outbox.toAbsolutePath().toString());
        env.put("OTP_DEMO_ENABLED", "false");
        env.put("OTP_DELIVERY_CIRCUIT_FAILURES", "2");
        env.put("OTP_DELIVERY_CIRCUIT_OPEN_MS", "3000");
        // The console's own mail (sign-up and reset links) goes to the test SMTP server too.
        env.put("OTP_MAIL_SMTP_HOST", "127.0.0.1");
        env.put("OTP_MAIL_SMTP_PORT", Integer.toString(smtpPort()));
        env.put("OTP_MAIL_SMTP_SECURITY", "NONE");
        env.put("OTP_MAIL_FROM", "console@secure2fa.test");
        // Channels created in the console point at the local test SMTP server.
        env.put("OTP_DELIVERY_ALLOW_PRIVATE_ENDPOINTS", "true");
        // A short warm-up: the whole of it runs (HealthIT checks what it did) without adding half a
        // minute to every start of the suite.
        env.put("OTP_WARMUP_SECONDS", "3");
        try {
            if (cluster != null) {
                cluster.withEnvironment(env);
                for (int n = 1; n <= cluster.size(); n++) {
                    if (cluster.node(n).isRunning()) {
                        cluster.node(n).kill();
                    }
                }
                cluster.loadBalancer().stop();
            } else {
                server.withEnvironment(env);
            }
            if (server.isRunning()) {
                server.kill();
            }
            deleteTree(own);
            deleteTree(outbox);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The running server; the first call boots it (about half a minute). */
    public static synchronized TestServer get() {
        if (instance == null) {
            TestServer fresh = new TestServer();
            Runtime.getRuntime().addShutdownHook(new Thread(fresh::shutDown));
            fresh.boot();
            instance = fresh;
        }
        return instance;
    }

    public String baseUrl() {
        return cluster != null ? cluster.baseUrl() : server.baseUrl();
    }

    /** The nodes and their load balancer, when this is a cluster. */
    public Cluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("Not a cluster: run with -Dotp.it.cluster=N");
        }
        return cluster;
    }

    public int smtpPort() {
        return 3025 + portOffset;
    }

    public Connection connection() throws SQLException {
        return "postgres".equals(db)
                ? DriverManager.getConnection(jdbcUrl, "postgres", "")
                : DriverManager.getConnection(jdbcUrl, "sa", "");
    }

    private void boot() {
        try {
            mail.start();
            Database database = Database.embedded();
            if ("postgres".equals(db)) {
                recreatePostgresDatabase();
                database = new Database(jdbcUrl, "postgres", "");
            }
            Path ear = Path.of(System.getProperty("otp.it.ear", "../otp-ear/target/secure2fa.ear"));
            if (cluster != null) {
                cluster.start(database, ear);
                return;
            }
            server.install();
            server.configure(database);
            server.start();
            server.deploy(ear);
            server.awaitReady(Duration.ofMinutes(3));
        } catch (Exception e) {
            throw new IllegalStateException("The test server did not start; see " + server.serverLog(), e);
        }
    }

    /** Kills the server as a crash would, runs {@code whileDown}, starts it again and waits until ready. */
    public void crashAndRestart(Runnable whileDown) throws Exception {
        server.kill();
        whileDown.run();
        server.start();
        server.awaitReady(Duration.ofMinutes(3));
    }

    private void shutDown() {
        try {
            if (cluster != null) {
                cluster.loadBalancer().stop();
                for (int n = 1; n <= cluster.size(); n++) {
                    if (cluster.node(n).isRunning()) {
                        cluster.node(n).kill();
                    }
                }
            } else if (server.isRunning()) {
                server.stop();
            }
        } catch (Exception e) {
            try {
                server.kill();
            } catch (Exception ignored) {
                // nothing more to do at JVM exit
            }
        } finally {
            mail.stop();
        }
    }

    private static void recreatePostgresDatabase() throws SQLException {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
            statement.execute("create database " + DATABASE);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
