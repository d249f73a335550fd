package org.secure2fa.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Payara Server domain for Secure 2FA: installed from the distribution zip Maven fetched, laid out
 * from the repository's {@code domain.xml}, started with {@code asadmin}, deployed to, checked for
 * readiness, stopped or killed.
 *
 * <p>The domain's ports are the repository's (8080 for HTTP, 4848 for administration) plus an offset,
 * so test domains run beside a developer's server. The database is the embedded H2 of
 * {@code domain.xml} unless {@link Database} says otherwise; it is the domain's {@code jdbc/__default},
 * the platform default data source the application uses.
 */
public final class PayaraServer implements AppServer {

    private static final String DOMAIN = "otp";
    private static final Map<String, Integer> BASE_PORTS = new LinkedHashMap<>();

    static {
        BASE_PORTS.put("HTTP_LISTENER_PORT", 8080);
        BASE_PORTS.put("HTTP_SSL_LISTENER_PORT", 8181);
        BASE_PORTS.put("ASADMIN_LISTENER_PORT", 4848);
        BASE_PORTS.put("IIOP_LISTENER_PORT", 3700);
        BASE_PORTS.put("IIOP_SSL_LISTENER_PORT", 3820);
        BASE_PORTS.put("IIOP_SSL_MUTUALAUTH_PORT", 3920);
        BASE_PORTS.put("JMX_SYSTEM_CONNECTOR_PORT", 8686);
        BASE_PORTS.put("OSGI_SHELL_TELNET_PORT", 6666);
        BASE_PORTS.put("JMS_PROVIDER_PORT", 7676);
    }

    private final Path installRoot;
    private final Path domainsDir;
    private final int portOffset;
    private final Path domainXml;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Grid grid;

    /**
     * Membership of a Payara Domain Data Grid of separate domains on this host: each domain's data grid
     * member listens on its own port on the loopback address and finds the others by that list.
     *
     * @param name    the grid's name, the same for every member
     * @param port    this member's port
     * @param members every member's {@code 127.0.0.1:port}
     */
    public record Grid(String name, int port, List<String> members) {
    }

    /**
     * @param installParent where Payara is (or will be) unpacked, as {@code payara6/}
     * @param domainsDir    where this server's domain lives
     * @param portOffset    added to every port of domain.xml
     * @param domainXml     the repository's domain configuration
     */
    public PayaraServer(Path installParent, Path domainsDir, int portOffset, Path domainXml) {
        this.installRoot = installParent.resolve("payara6");
        this.domainsDir = domainsDir;
        this.portOffset = portOffset;
        this.domainXml = domainXml;
    }

    @Override
    public Kind kind() {
        return Kind.PAYARA;
    }

    /**
     * Makes this domain a member of a data grid: {@link #configure} switches the grid on (our
     * domain.xml has it off for a single node) and {@link #deploy} deploys with availability, so the
     * console's sessions are kept in the grid and survive this node.
     */
    public PayaraServer joining(Grid grid) {
        this.grid = grid;
        return this;
    }

    @Override
    public PayaraServer withEnvironment(Map<String, String> env) {
        environment.putAll(env);
        return this;
    }

    @Override
    public int httpPort() {
        return 8080 + portOffset;
    }

    @Override
    public int httpsPort() {
        return 8181 + portOffset;
    }

    public int adminPort() {
        return 4848 + portOffset;
    }

    public Path domainDir() {
        return domainsDir.resolve(DOMAIN);
    }

    @Override
    public Path serverDir() {
        return domainDir();
    }

    @Override
    public Path embeddedDatabase() {
        return domainDir().resolve("data/otp");
    }

    @Override
    public Path devOutbox() {
        return domainDir().resolve("dev-outbox");
    }

    @Override
    public void install() throws IOException {
        if (Files.exists(installRoot.resolve("glassfish/lib/client/appserver-cli.jar"))) {
            return;
        }
        Path zip = Path.of(Distributions.property("payara.zip"));
        log("Installing Payara Server " + Distributions.property("payara.version") + " into " + installRoot);
        Distributions.unzip(zip, installRoot.getParent());
    }

    /**
     * Creates the domain from the distribution's domain1 if it does not exist, then writes the
     * repository's domain.xml into it with this server's ports and database. Writing the
     * configuration drops deployed applications from it: deploy again afterwards.
     */
    @Override
    public void configure(Database database) throws IOException {
        Path domain = domainDir();
        if (!Files.exists(domain.resolve("config"))) {
            Distributions.copyTree(installRoot.resolve("glassfish/domains/domain1"), domain);
        }
        String xml = Files.readString(domainXml, StandardCharsets.UTF_8);
        for (var port : BASE_PORTS.entrySet()) {
            xml = setSystemProperty(xml, port.getKey(), Integer.toString(port.getValue() + portOffset));
        }
        if (database.url() != null) {
            xml = setSystemProperty(xml, "OTP_DB_URL", database.poolUrl());
            xml = setSystemProperty(xml, "OTP_DB_USER", database.user());
            xml = setSystemProperty(xml, "OTP_DB_PASSWORD", database.password());
            if (database.isPostgres()) {
                xml = setSystemProperty(xml, "OTP_DB_DATASOURCE", "org.postgresql.ds.PGSimpleDataSource");
                Path driver = Path.of(Distributions.property("postgresql.jar"));
                Files.createDirectories(domain.resolve("lib"));
                Files.copy(driver, domain.resolve("lib/postgresql.jar"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (grid != null) {
            xml = withGrid(xml, grid);
        }
        Files.writeString(domain.resolve("config/domain.xml"), xml, StandardCharsets.UTF_8);
    }

    /**
     * The data grid on, for separate domains on one host: TCP/IP discovery of the listed members (a
     * domain's own "domain" discovery only finds instances of that domain), each member on its own
     * port bound to the loopback address, no port auto-increment (a domain's member would still
     * announce the port it did not get), and no host-aware partitioning, which on one host leaves a
     * single partition group and so no backups: a killed node would take its sessions with it.
     */
    static String withGrid(String xml, Grid grid) {
        String runtime = "<hazelcast-runtime-configuration discovery-mode=\"tcpip\" tcpip-members=\""
                + String.join(",", grid.members()) + "\" das-port=\"" + grid.port() + "\" das-bind-address=\"127.0.0.1\""
                + " start-port=\"" + grid.port() + "\" auto-increment-port=\"false\" cluster-group-name=\"" + grid.name()
                + "\" host-aware-partitioning=\"false\"></hazelcast-runtime-configuration>";
        String withRuntime = xml.replaceFirst("<hazelcast-runtime-configuration [^>]*>\\s*</hazelcast-runtime-configuration>",
                Matcher.quoteReplacement(runtime));
        String enabled = withRuntime.replaceFirst("<hazelcast-config-specific-configuration enabled=\"false\">",
                "<hazelcast-config-specific-configuration enabled=\"true\">");
        if (withRuntime.equals(xml) || enabled.equals(withRuntime)) {
            throw new IllegalStateException("domain.xml has no data grid configuration to switch on");
        }
        return enabled;
    }

    @Override
    public void start() throws IOException, InterruptedException {
        environment.putIfAbsent("OTP_MANAGE_JWKS_URL", jwksUrl());
        asadmin(Duration.ofMinutes(4), "start-domain", "--domaindir", domainsDir.toString(), DOMAIN);
    }

    @Override
    public void deploy(Path ear) throws IOException, InterruptedException {
        asadmin(Duration.ofMinutes(5), "--port", Integer.toString(adminPort()), "deploy", "--force=true",
                "--availabilityenabled=" + (grid != null), "--name", "secure2fa", ear.toString());
    }

    @Override
    public void stop() throws IOException, InterruptedException {
        asadmin(Duration.ofMinutes(2), "stop-domain", "--domaindir", domainsDir.toString(), DOMAIN);
    }

    @Override
    public void kill() throws IOException, InterruptedException {
        long pid = pid();
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().join();
        });
        Files.deleteIfExists(domainDir().resolve("config/pid"));
    }

    @Override
    public boolean isRunning() {
        return Distributions.isAlive(domainDir().resolve("config/pid"));
    }

    private long pid() throws IOException {
        Path pidFile = domainDir().resolve("config/pid");
        if (!Files.exists(pidFile)) {
            throw new IOException("No pid file: the server is not running");
        }
        return Long.parseLong(Files.readString(pidFile).trim());
    }

    @Override
    public Path serverLog() {
        return domainDir().resolve("logs/server.log");
    }

    private void asadmin(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(installRoot.resolve("glassfish/lib/client/appserver-cli.jar").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().putIfAbsent("AS_JAVA", System.getProperty("java.home"));
        Process process = builder.start();
        byte[] output;
        try (InputStream in = process.getInputStream()) {
            output = in.readAllBytes();
        }
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException("asadmin " + args[0] + " timed out");
        }
        String text = new String(output, StandardCharsets.UTF_8).trim();
        if (process.exitValue() != 0) {
            throw new IOException("asadmin " + String.join(" ", args) + " failed (" + process.exitValue() + "):\n" + text);
        }
        log(text);
    }

    static String setSystemProperty(String xml, String name, String value) {
        Pattern pattern = Pattern.compile("(<system-property name=\"" + Pattern.quote(name) + "\" value=\")[^\"]*(\")");
        Matcher matcher = pattern.matcher(xml);
        if (!matcher.find()) {
            throw new IllegalArgumentException("domain.xml has no system property " + name);
        }
        String escaped = value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
        return matcher.replaceFirst(Matcher.quoteReplacement(matcher.group(1) + escaped + matcher.group(2)));
    }

    private static void log(String message) {
        if (!message.isBlank()) {
            System.out.println("[payara] " + message);
        }
    }
}
