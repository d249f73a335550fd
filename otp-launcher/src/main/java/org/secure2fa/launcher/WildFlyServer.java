package org.secure2fa.launcher;

import java.io.File;
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
import java.util.concurrent.TimeUnit;

/**
 * One WildFly server for Secure 2FA: installed from the distribution zip Maven fetched, with EclipseLink
 * added to WildFly's {@code org.eclipse.persistence} module and PostgreSQL's driver as a module of its
 * own, configured by the repository's {@code wildfly/standalone.cli} on a fresh copy of
 * {@code standalone.xml}, started in the background, deployed to through the deployment
 * scanner, stopped or killed.
 *
 * <p>The server's own files (configuration, data, logs, deployments) live in a directory of their own
 * ({@code .run/wildfly-server/} for {@code bin/secure2fa}), so a new WildFly version or a reinstall
 * keeps the data.
 */
public final class WildFlyServer implements AppServer {

    private static final String CONFIG = "standalone.xml";
    private static final String EAR = "secure2fa.ear";
    /** Changes when what {@link #install()} adds to the distribution changes, so older installs are redone. */
    private static final String INSTALL_LAYOUT = "eclipselink+postgresql modules, 3";

    private final Path installRoot;
    private final Path serverDir;
    private final int portOffset;
    private final Path cliScript;
    private final Map<String, String> environment = new LinkedHashMap<>();

    /**
     * @param installParent where WildFly is (or will be) unpacked
     * @param serverDir     the server's base directory (configuration, data, logs, deployments)
     * @param portOffset    added to every port (WildFly's own port offset)
     * @param cliScript     the repository's configuration script
     */
    public WildFlyServer(Path installParent, Path serverDir, int portOffset, Path cliScript) {
        this.installRoot = installParent.resolve("wildfly-" + Distributions.property("wildfly.version"));
        this.serverDir = serverDir;
        this.portOffset = portOffset;
        this.cliScript = cliScript;
    }

    @Override
    public Kind kind() {
        return Kind.WILDFLY;
    }

    @Override
    public WildFlyServer withEnvironment(Map<String, String> env) {
        environment.putAll(env);
        return this;
    }

    @Override
    public int httpPort() {
        return 8080 + portOffset;
    }

    @Override
    public int httpsPort() {
        return 8443 + portOffset;
    }

    @Override
    public Path serverDir() {
        return serverDir;
    }

    @Override
    public Path serverLog() {
        return serverDir.resolve("log/server.log");
    }

    @Override
    public Path embeddedDatabase() {
        return serverDir.resolve("data/otp");
    }

    @Override
    public Path devOutbox() {
        return serverDir.resolve("dev-outbox");
    }

    @Override
    public void install() throws IOException {
        Path persistenceModule = installRoot.resolve("modules/system/layers/base/org/eclipse/persistence/main");
        Path marker = installRoot.resolve(".secure2fa-installed");
        if (Files.exists(marker) && Files.readString(marker).equals(INSTALL_LAYOUT)) {
            return;
        }
        Distributions.deleteTree(installRoot);
        log("Installing WildFly " + Distributions.property("wildfly.version") + " into " + installRoot);
        Distributions.unzip(Path.of(Distributions.property("wildfly.zip")), installRoot.getParent());
        // EclipseLink, the JPA provider on Payara too, goes into the module WildFly keeps for it.
        Path eclipseLink = Path.of(Distributions.property("eclipselink.jar"));
        Files.copy(eclipseLink, persistenceModule.resolve(eclipseLink.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Path moduleXml = persistenceModule.resolve("module.xml");
        String module = Files.readString(moduleXml, StandardCharsets.UTF_8);
        Files.writeString(moduleXml, module
                .replace("<resources>", "<resources>\n        <resource-root path=\"" + eclipseLink.getFileName() + "\"/>")
                // the JDK modules EclipseLink itself uses, beyond those the integration module needs
                .replace("<dependencies>", "<dependencies>\n        <module name=\"java.desktop\"/>\n"
                        + "        <module name=\"java.rmi\"/>\n        <module name=\"java.sql\"/>\n"
                        + "        <module name=\"java.xml\"/>"), StandardCharsets.UTF_8);
        // PostgreSQL's driver as a module, for the datasource subsystem.
        Path driver = Path.of(Distributions.property("postgresql.jar"));
        Path postgres = installRoot.resolve("modules/org/postgresql/main");
        Files.createDirectories(postgres);
        Files.copy(driver, postgres.resolve(driver.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(postgres.resolve("module.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <module name="org.postgresql" xmlns="urn:jboss:module:1.9">
                    <resources>
                        <resource-root path="%s"/>
                    </resources>
                    <dependencies>
                        <module name="java.logging"/>
                        <module name="java.management"/>
                        <module name="java.naming"/>
                        <module name="java.security.jgss"/>
                        <module name="java.sql"/>
                        <module name="jakarta.transaction.api"/>
                    </dependencies>
                </module>
                """.formatted(driver.getFileName()), StandardCharsets.UTF_8);
        Files.writeString(marker, INSTALL_LAYOUT);
    }

    /**
     * Lays out the server directory from the distribution's {@code standalone/} if it does not exist,
     * then applies {@code wildfly/standalone.cli} to a fresh copy of the distribution's configuration,
     * with this server's database and ports. Data, logs and deployments stay.
     */
    @Override
    public void configure(Database database) throws IOException, InterruptedException {
        if (!Files.exists(serverDir.resolve("configuration"))) {
            Distributions.copyTree(installRoot.resolve("standalone"), serverDir);
        }
        Files.copy(installRoot.resolve("standalone/configuration/" + CONFIG), serverDir.resolve("configuration/" + CONFIG),
                StandardCopyOption.REPLACE_EXISTING);
        Distributions.deleteTree(serverDir.resolve("configuration/standalone_xml_history"));
        String driver;
        String url;
        String user;
        String password;
        if (database.isEmbedded()) {
            driver = "h2";
            // resolved by WildFly when it starts: the H2 file stays in this server's data directory
            url = Database.h2Url("${jboss.server.data.dir}/otp");
            user = "sa";
            password = "";
        } else {
            driver = database.isPostgres() ? "postgresql" : "h2";
            url = database.poolUrl();
            user = database.user();
            password = database.password();
        }
        String script = Files.readString(cliScript, StandardCharsets.UTF_8);
        if (password == null || password.isEmpty()) {
            script = script.replace(", password=\"@DB_PASSWORD@\"", ""); // WildFly takes no empty password
        }
        // the lines marked @POSTGRES@ are for PostgreSQL only
        script = script.replaceAll("(?m)^@POSTGRES@" + ("postgresql".equals(driver) ? "" : ".*$"), "");
        script = script
                .replace("@DB_DRIVER@", driver)
                .replace("@DB_URL@", cliString(url))
                .replace("@DB_USER@", cliString(user))
                .replace("@DB_PASSWORD@", cliString(password == null ? "" : password));
        Path filled = serverDir.resolve("tmp/secure2fa-configure.cli");
        Files.createDirectories(filled.getParent());
        Files.writeString(filled, script, StandardCharsets.UTF_8);
        try {
            run(Duration.ofMinutes(3), "bash", installRoot.resolve("bin/jboss-cli.sh").toString(), "--file=" + filled);
        } finally {
            Files.deleteIfExists(filled);
        }
    }

    @Override
    public void start() throws IOException, InterruptedException {
        Files.deleteIfExists(pidFile());
        environment.putIfAbsent("OTP_MANAGE_JWKS_URL", jwksUrl());
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid"); // not ended with the terminal or the launcher that started it
        }
        // through bash: unpacking the zip does not keep the scripts' executable bits
        command.addAll(List.of("bash", installRoot.resolve("bin/standalone.sh").toString(), "-c", CONFIG,
                "-Djboss.server.base.dir=" + serverDir, "-Djboss.socket.binding.port-offset=" + portOffset));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(new File("/dev/null"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(serverDir.resolve("log/console.log").toFile()));
        Files.createDirectories(serverDir.resolve("log"));
        builder.environment().putAll(environment);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        builder.environment().put("JBOSS_PIDFILE", pidFile().toString());
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(pidFile()) || Files.readString(pidFile()).isBlank()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("WildFly did not start; see " + serverDir.resolve("log/console.log"));
            }
            Thread.sleep(100);
        }
        log("WildFly started (pid " + pid() + ") on " + baseUrl());
    }

    /** Deploys through the deployment scanner: the same EAR file, copied in whole and then renamed. */
    @Override
    public void deploy(Path ear) throws IOException {
        Path deployments = serverDir.resolve("deployments");
        Files.createDirectories(deployments);
        for (String marker : new String[] {".failed", ".deployed", ".undeployed", ".pending", ".isdeploying"}) {
            Files.deleteIfExists(deployments.resolve(EAR + marker));
        }
        Path partial = deployments.resolve(EAR + ".copying");
        Files.copy(ear, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, deployments.resolve(EAR), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void checkDeployment() throws IOException {
        Path failed = serverDir.resolve("deployments/" + EAR + ".failed");
        if (Files.exists(failed)) {
            throw new IOException("WildFly could not deploy the EAR: " + Files.readString(failed, StandardCharsets.UTF_8));
        }
    }

    /** An orderly shutdown (WildFly stops gracefully on SIGTERM). */
    @Override
    public void stop() throws IOException, InterruptedException {
        ProcessHandle process = ProcessHandle.of(pid()).orElse(null);
        if (process != null) {
            process.destroy();
            try {
                process.onExit().get(2, TimeUnit.MINUTES);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IOException("WildFly did not stop within 2 minutes (pid " + process.pid() + ")", e);
            }
        }
        Files.deleteIfExists(pidFile());
    }

    @Override
    public void kill() throws IOException {
        ProcessHandle.of(pid()).ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().join();
        });
        Files.deleteIfExists(pidFile());
    }

    @Override
    public boolean isRunning() {
        try {
            return ProcessHandle.of(pid()).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private Path pidFile() {
        return serverDir.resolve("wildfly.pid");
    }

    private long pid() throws IOException {
        if (!Files.exists(pidFile())) {
            throw new IOException("No pid file: the server is not running");
        }
        return Long.parseLong(Files.readString(pidFile()).trim());
    }

    /** A value inside the script's double quotes. */
    private static String cliString(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private void run(Duration timeout, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JBOSS_HOME", installRoot.toString());
        // the embedded server reads the configuration from this server's directory, not the distribution's
        builder.environment().put("JAVA_OPTS", "-Djboss.server.base.dir=" + serverDir);
        Process process = builder.start();
        byte[] output;
        try (InputStream in = process.getInputStream()) {
            output = in.readAllBytes();
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " timed out");
        }
        String text = new String(output, StandardCharsets.UTF_8).trim();
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + text);
        }
        log(text);
    }

    private static void log(String message) {
        if (!message.isBlank()) {
            System.out.println("[wildfly] " + message);
        }
    }
}
