package org.secure2fa.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * nginx (Debian's package) in front of the nodes of a cluster, with a configuration of its own in its
 * own directory, so it needs neither /etc/nginx nor /var/lib/nginx and runs beside a system nginx.
 *
 * <p>Open-source nginx checks upstreams by their traffic: a node that refuses a connection, or does
 * not accept it within a second, is skipped for 5 s, and the request goes to the next node; that is
 * safe for a POST too, since the node never saw it. A request a node already received is never sent
 * twice (a verify must not count twice), so a node that dies mid-request fails that request. A node
 * taken out on purpose ({@link #drain}) is marked {@code down} and nginx reloads: new requests go to
 * the others while the old workers finish what they were doing.
 *
 * <p>Clients get one connection per request ({@code keepalive_timeout 0}): a reload closes the old
 * workers' idle connections, and a client reusing one at that moment would lose its request.
 *
 * <p>A console session stays on one node (a consistent hash of its session cookie) while that node
 * lives, and moves to another, with its state from the data grid, when it does not; requests without
 * a session (the API) are spread by a hash of their random request id. The access log names the node
 * that answered each request.
 */
public final class Nginx {

    private final Path dir;
    private final int port;
    private final List<Integer> upstreams;
    private final Set<Integer> drained = new TreeSet<>();

    public Nginx(Path dir, int port, List<Integer> upstreams) {
        this.dir = dir;
        this.port = port;
        this.upstreams = List.copyOf(upstreams);
    }

    public int port() {
        return port;
    }

    static Path binary() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("nginx is not installed; the cluster's load balancer is Debian's nginx:"
                + " apt-get install -y nginx-light");
    }

    public void start() throws IOException, InterruptedException {
        Files.createDirectories(dir);
        if (isRunning()) {
            stop();
        }
        writeConfiguration();
        run(List.of());
        long deadline = System.currentTimeMillis() + 10_000;
        while (!accepts()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IOException("nginx did not start; see " + dir.resolve("error.log"));
            }
            Thread.sleep(100);
        }
    }

    /** Stops sending new requests to the node on this port; requests it already has finish. */
    public void drain(int upstream) throws IOException, InterruptedException {
        drained.add(upstream);
        reload();
    }

    /** Sends requests to the node on this port again. */
    public void restore(int upstream) throws IOException, InterruptedException {
        drained.remove(upstream);
        reload();
    }

    private void reload() throws IOException, InterruptedException {
        writeConfiguration();
        run(List.of("-s", "reload"));
        // the new workers take over at once; old ones finish their requests, then exit
        Thread.sleep(300);
    }

    /** The access log: one line per request, {@code upstream status method uri}. */
    public Path accessLog() {
        return dir.resolve("access.log");
    }

    public void stop() throws IOException, InterruptedException {
        if (!isRunning()) {
            return;
        }
        long pid = pid();
        run(List.of("-s", "quit"));
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(10, TimeUnit.SECONDS).join());
    }

    public boolean isRunning() {
        return Distributions.isAlive(dir.resolve("nginx.pid"));
    }

    private long pid() throws IOException {
        return Long.parseLong(Files.readString(dir.resolve("nginx.pid")).trim());
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(binary().toString(), "-p", dir.toString(),
                "-e", dir.resolve("error.log").toString(), "-c", dir.resolve("nginx.conf").toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
            throw new IOException("nginx " + String.join(" ", args) + " failed: " + output);
        }
    }

    private void writeConfiguration() throws IOException {
        StringBuilder servers = new StringBuilder();
        for (int upstream : upstreams) {
            servers.append("        server 127.0.0.1:").append(upstream).append(" max_fails=1 fail_timeout=5s")
                    .append(drained.contains(upstream) ? " down" : "").append(";\n");
        }
        String conf = """
                # Written by the Secure 2FA launcher; rewritten on every start, drain and restore.
                worker_processes 2;
                pid %1$s/nginx.pid;
                events {
                    worker_connections 4096;
                }
                http {
                    log_format upstream '$upstream_addr $status $request_method $uri';
                    access_log %1$s/access.log upstream;
                    # A reload (a node drained or restored) closes the old workers' idle client connections;
                    # a client that reused one at that moment would lose its request. One connection per
                    # request from clients avoids that (the seed clients open one per call anyway).
                    keepalive_timeout 0;
                    map $cookie_S2FA_SESSION $affinity {
                        ""      $request_id;
                        default $cookie_S2FA_SESSION;
                    }
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    upstream secure2fa {
                        # shared by the workers: a node one worker found dead is skipped by all
                        zone secure2fa 64k;
                        hash $affinity consistent;
                %2$s        keepalive 64;
                    }
                    server {
                        listen 127.0.0.1:%3$d;
                        location / {
                            proxy_pass http://secure2fa;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $http_host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                            proxy_connect_timeout 1s;
                            proxy_next_upstream error timeout;
                            proxy_next_upstream_tries 3;
                        }
                    }
                }
                """.formatted(dir, servers, port);
        Files.writeString(dir.resolve("nginx.conf"), conf, StandardCharsets.UTF_8);
    }
}
