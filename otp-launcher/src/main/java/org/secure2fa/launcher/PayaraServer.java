package org.secure2fa.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * One Payara Server domain for Secure 2FA: installed from the distribution zip Maven fetched, laid out
 * from the repository's {@code domain.xml}, started with {@code asadmin}, deployed to, checked for
 * readiness, stopped or killed.
 *
 * <p>The domain's ports are the repository's (8080 for HTTP, 4848 for administration) plus an offset,
 * so test domains run beside a developer's server. The database is the embedded H2 of
 * {@code domain.xml} unless {@link Database} says otherwise.
 */
public final class PayaraServer {

    /** Where the database is; {@code url == null} keeps domain.xml's embedded H2. */
    public record Database(String url, String user, String password) {

        public static Database embedded() {
            return new Database(null, null, null);
        }

        /** From OTP_DB_URL, OTP_DB_USER, OTP_DB_PASSWORD; embedded H2 when OTP_DB_URL is not set. */
        public static Database fromEnvironment(Map<String, String> env) {
            String url = env.get("OTP_DB_URL");
            return url == null || url.isBlank() ? embedded()
                    : new Database(url, env.getOrDefault("OTP_DB_USER", ""), env.getOrDefault("OTP_DB_PASSWORD", ""));
        }

        boolean isPostgres() {
            return url != null && url.startsWith("jdbc:postgresql:");
        }
    }

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
    private final Map<String, String> environment = new LinkedHashMap<>();

    /**
     * @param baseDir    where Payara is installed ({@code payara6/}) and domains kept ({@code domains/})
     * @param portOffset added to every port of domain.xml
     */
    public PayaraServer(Path baseDir, int portOffset) {
        this(baseDir, baseDir.resolve("domains"), portOffset);
    }

    /**
     * @param installParent where Payara is (or will be) unpacked, as {@code payara6/}
     * @param domainsDir    where this server's domain lives
     * @param portOffset    added to every port of domain.xml
     */
    public PayaraServer(Path installParent, Path domainsDir, int portOffset) {
        this.installRoot = installParent.resolve("payara6");
        this.domainsDir = domainsDir;
        this.portOffset = portOffset;
    }

    /** Environment for the server process (MicroProfile Config reads OTP_* from it). */
    public PayaraServer withEnvironment(Map<String, String> env) {
        environment.putAll(env);
        return this;
    }

    public int httpPort() {
        return 8080 + portOffset;
    }

    public int httpsPort() {
        return 8181 + portOffset;
    }

    public int adminPort() {
        return 4848 + portOffset;
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort();
    }

    public Path domainDir() {
        return domainsDir.resolve(DOMAIN);
    }

    /** Unpacks the distribution unless it already is. */
    public void install() throws IOException {
        if (Files.exists(installRoot.resolve("glassfish/lib/client/appserver-cli.jar"))) {
            return;
        }
        Path zip = Path.of(launcherProperties().getProperty("payara.zip"));
        log("Installing Payara Server " + launcherProperties().getProperty("payara.version") + " into " + installRoot);
        Path parent = installRoot.getParent();
        Files.createDirectories(parent);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = parent.resolve(entry.getName()).normalize();
                if (!target.startsWith(parent)) {
                    throw new IOException("Zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * Creates the domain from the distribution's domain1 if it does not exist, then writes the
     * repository's domain.xml into it with this server's ports and database. Writing the
     * configuration drops deployed applications from it: deploy again afterwards.
     */
    public void configure(Path domainXml, Database database) throws IOException {
        Path domain = domainDir();
        if (!Files.exists(domain.resolve("config"))) {
            copyTree(installRoot.resolve("glassfish/domains/domain1"), domain);
        }
        String xml = Files.readString(domainXml, StandardCharsets.UTF_8);
        for (var port : BASE_PORTS.entrySet()) {
            xml = setSystemProperty(xml, port.getKey(), Integer.toString(port.getValue() + portOffset));
        }
        if (database.url() != null) {
            xml = setSystemProperty(xml, "OTP_DB_URL", database.url());
            xml = setSystemProperty(xml, "OTP_DB_USER", database.user());
            xml = setSystemProperty(xml, "OTP_DB_PASSWORD", database.password());
            if (database.isPostgres()) {
                xml = setSystemProperty(xml, "OTP_DB_DATASOURCE", "org.postgresql.ds.PGSimpleDataSource");
                Path driver = Path.of(launcherProperties().getProperty("postgresql.jar"));
                Files.createDirectories(domain.resolve("lib"));
                Files.copy(driver, domain.resolve("lib/postgresql.jar"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(domain.resolve("config/domain.xml"), xml, StandardCharsets.UTF_8);
    }

    public void start() throws IOException, InterruptedException {
        asadmin(Duration.ofMinutes(4), "start-domain", "--domaindir", domainsDir.toString(), DOMAIN);
    }

    public void deploy(Path ear) throws IOException, InterruptedException {
        asadmin(Duration.ofMinutes(5), "--port", Integer.toString(adminPort()), "deploy", "--force=true",
                "--name", "secure2fa", ear.toString());
    }

    public void stop() throws IOException, InterruptedException {
        asadmin(Duration.ofMinutes(2), "stop-domain", "--domaindir", domainsDir.toString(), DOMAIN);
    }

    /** Kills the server process at once, as a crash would: no shutdown hooks, no orderly stop. */
    public void kill() throws IOException, InterruptedException {
        long pid = pid();
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().join();
        });
        Files.deleteIfExists(domainDir().resolve("config/pid"));
    }

    public boolean isRunning() {
        try {
            return ProcessHandle.of(pid()).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private long pid() throws IOException {
        Path pidFile = domainDir().resolve("config/pid");
        if (!Files.exists(pidFile)) {
            throw new IOException("No pid file: the server is not running");
        }
        return Long.parseLong(Files.readString(pidFile).trim());
    }

    /** Waits until {@code /health/ready} answers 200. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
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

    /** The server log, for diagnosing a failed start. */
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

    static Properties launcherProperties() {
        Properties properties = new Properties();
        try (InputStream in = PayaraServer.class.getResourceAsStream("/launcher.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void log(String message) {
        if (!message.isBlank()) {
            System.out.println("[payara] " + message);
        }
    }
}
