package org.secure2fa.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several Payara Server nodes of the same EAR behind nginx: separate domains on this host, one per
 * node, each on its own ports ({@code offset + 100 * n} for node n), forming one Payara Domain Data
 * Grid that holds the console's sessions, and sharing one PostgreSQL database and one master key.
 * nginx listens on {@code 8080 + offset}.
 *
 * <p>Everything a node needs from the others goes through the database (project changes, circuit
 * breakers, the outbox, counters) except web sessions, which the data grid replicates; so a node can
 * die, be restarted ({@link #restart}: drained from nginx first) or be upgraded while the others serve.
 */
public final class Cluster {

    private static final int NODE_PORT_STEP = 100;
    private static final int GRID_PORT = 4900;

    private final Path checkout;
    private final Path dir;
    private final int offset;
    private final List<PayaraServer> nodes = new ArrayList<>();
    private final Nginx nginx;
    private final Map<String, String> environment = new LinkedHashMap<>();

    /**
     * @param checkout the repository (domain.xml, the EAR)
     * @param dir      where the nodes, nginx and the shared master key live ({@code .run/cluster})
     * @param size     how many nodes
     * @param offset   added to every port, so a test cluster runs beside a developer's
     */
    public Cluster(Path checkout, Path dir, int size, int offset) {
        if (size < 1 || size > 9) {
            throw new IllegalArgumentException("A cluster has 1 to 9 nodes, not " + size);
        }
        this.checkout = checkout;
        this.dir = dir;
        this.offset = offset;
        List<String> members = new ArrayList<>();
        for (int n = 1; n <= size; n++) {
            members.add("127.0.0.1:" + gridPort(n));
        }
        List<Integer> upstreams = new ArrayList<>();
        for (int n = 1; n <= size; n++) {
            PayaraServer node = new PayaraServer(dir.getParent(), dir.resolve("node" + n), offset + NODE_PORT_STEP * n,
                    checkout.resolve("domain.xml"));
            node.joining(new PayaraServer.Grid("secure2fa-" + (8080 + offset), gridPort(n), members));
            nodes.add(node);
            upstreams.add(node.httpPort());
        }
        nginx = new Nginx(dir.resolve("nginx"), 8080 + offset, upstreams);
    }

    private int gridPort(int n) {
        return GRID_PORT + offset + 10 * (n - 1);
    }

    public Cluster withEnvironment(Map<String, String> env) {
        environment.putAll(env);
        return this;
    }

    public int size() {
        return nodes.size();
    }

    /** Node n, from 1. */
    public PayaraServer node(int n) {
        return nodes.get(n - 1);
    }

    /** The load balancer's address: the service's one public address. */
    public String baseUrl() {
        return "http://localhost:" + nginx.port();
    }

    public Nginx loadBalancer() {
        return nginx;
    }

    /**
     * Installs Payara if needed, writes each node's configuration for the database, starts and deploys
     * the nodes one after the other (the first one migrates the schema), then nginx.
     */
    public void start(Database database, Path ear) throws IOException, InterruptedException {
        if (!database.isPostgres()) {
            throw new IllegalArgumentException("A cluster needs PostgreSQL, which every node shares: set OTP_DB_URL to"
                    + " a jdbc:postgresql: URL (each node's embedded H2 would be a database of its own)");
        }
        Files.createDirectories(dir);
        Map<String, String> env = new LinkedHashMap<>(environment);
        if (!env.containsKey("OTP_MASTER_KEY") && !env.containsKey("OTP_MASTER_KEY_FILE")) {
            env.put("OTP_MASTER_KEY_FILE", masterKeyFile().toString());
        }
        nodes.get(0).install();
        for (PayaraServer node : nodes) {
            if (node.isRunning()) {
                node.stop();
            }
            node.withEnvironment(env);
            node.configure(database);
            node.start();
            node.deploy(ear);
            node.awaitReady(Duration.ofMinutes(3));
        }
        nginx.start();
    }

    /** The master key every node seals and opens with, made once (keep a copy: see README). */
    Path masterKeyFile() throws IOException {
        Path file = dir.resolve("otp-master.key");
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
        }
        return file;
    }

    /** Stops nginx, then every node. */
    public void stop() throws IOException, InterruptedException {
        nginx.stop();
        for (PayaraServer node : nodes) {
            if (node.isRunning()) {
                node.stop();
            }
        }
    }

    /** Kills node n as a crash would. */
    public void kill(int n) throws IOException, InterruptedException {
        node(n).kill();
    }

    /**
     * Restarts node n without failing a request: nginx stops sending it new ones, the requests it has
     * finish, it stops (the server finishes in-flight work before it exits), starts again with the same
     * deployment, and takes requests again once ready.
     */
    public void restart(int n) throws IOException, InterruptedException {
        PayaraServer node = node(n);
        nginx.drain(node.httpPort());
        // requests already on the node take milliseconds; give them a second
        Thread.sleep(1_000);
        node.stop();
        node.start();
        node.awaitReady(Duration.ofMinutes(3));
        nginx.restore(node.httpPort());
    }

    /** Starts a node that was killed or stopped, with its deployment, and waits until it is ready. */
    public void startAgain(int n) throws IOException, InterruptedException {
        PayaraServer node = node(n);
        node.start();
        node.awaitReady(Duration.ofMinutes(3));
    }
}
