package org.secure2fa.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.secure2fa.it.Fixtures.TestProject;

/**
 * The seed document's Ruby, PHP and Python examples, unchanged but for the base URL, against the
 * running EAR over HTTPS (the Ruby example hard-codes {@code use_ssl = true}): generate sends an
 * email through the SMTP server, the code read from it verifies, a wrong one does not.
 */
class SeedClientsIT {

    private static final Path CLIENTS = Path.of(System.getProperty("otp.it.seedClients", "src/test/seed-clients"));
    private static Path work;
    private static Path caFile;
    private static TestProject project;

    @BeforeAll
    static void prepare() throws Exception {
        TestServer server = TestServer.get();
        work = Path.of(System.getProperty("otp.it.base", "target/server")).resolve("seed-clients-" + server.db);
        Files.createDirectories(work);
        String baseUrl = "https://localhost:" + server.server.httpsPort();
        for (String file : new String[] {"seed.rb", "seed.php", "seed.py"}) {
            String code = Files.readString(CLIENTS.resolve(file)).replace("https://api.secure-2fa.com", baseUrl);
            Files.writeString(work.resolve(file), code);
        }
        caFile = work.resolve("server-ca.pem");
        Files.writeString(caFile, serverCertificatePem(server));
        project = Fixtures.project(Fixtures.spec().smtp(server.smtpPort()));
    }

    /** The server's self-signed certificate (CN=localhost), as it presents it, for the clients to trust. */
    private static String serverCertificatePem(TestServer server) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // only to read the certificate: the clients under test verify it
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", server.server.httpsPort())) {
            socket.startHandshake();
            byte[] der = socket.getSession().getPeerCertificates()[0].getEncoded();
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(der) + "\n-----END CERTIFICATE-----\n";
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ruby", "php", "python"})
    void theSeedExampleGeneratesAndVerifies(String language) throws Exception {
        String uuid = language + "-" + UUID.randomUUID();
        String to = uuid + "@example.com";
        String generated = run(language, "generate", uuid, to);
        assertTrue(generated.contains("\"success\":true") || generated.contains("\"success\": true"), generated);

        MimeMessage message = DeliveryIT.awaitMail(to, 15_000);
        // the Ruby and Python examples send lang (the drivers pass fr); the PHP example sends none: first version
        assertEquals("php".equals(language) ? "Your login code" : "Votre code de connexion", message.getSubject());
        String code = DeliveryIT.codeIn(message);

        // each driver prints the example's return value: true or false (Ruby inspect, PHP var_export, JSON)
        assertEquals("false", run(language, "verify", uuid, Api.wrong(code)));
        assertEquals("true", run(language, "verify", uuid, code));
        assertEquals("false", run(language, "verify", uuid, code), "single use");
    }

    private static String run(String language, String command, String uuid, String arg) throws Exception {
        List<String> cmd = new ArrayList<>();
        switch (language) {
            case "ruby" -> cmd.addAll(List.of(interpreter("ruby"), CLIENTS.resolve("run.rb").toString(),
                    work.resolve("seed.rb").toString()));
            case "php" -> cmd.addAll(List.of(interpreter("php"), "-d", "curl.cainfo=" + caFile,
                    "-d", "openssl.cafile=" + caFile, CLIENTS.resolve("run.php").toString(),
                    work.resolve("seed.php").toString()));
            default -> cmd.addAll(List.of(interpreter("/usr/bin/python3"), CLIENTS.resolve("run.py").toString(),
                    work.resolve("seed.py").toString()));
        }
        cmd.addAll(List.of(command, uuid, arg, project.publicKey(), project.secretKey()));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
        builder.environment().putAll(Map.of("SSL_CERT_FILE", caFile.toString(),
                "REQUESTS_CA_BUNDLE", caFile.toString()));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), language + " did not finish");
        assertEquals(0, process.exitValue(), language + " failed:\n" + output);
        String[] lines = output.split("\n");
        return command.equals("generate") ? output : lines[lines.length - 1].trim();
    }

    /** The interpreter's path; skipped outside CI when it is missing, a failure in CI (which installs it). */
    static String interpreter(String name) throws IOException, InterruptedException {
        Process which = new ProcessBuilder("sh", "-c", "command -v " + name).start();
        String path = new String(which.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        boolean found = which.waitFor() == 0 && !path.isEmpty();
        if (!found && !"true".equals(System.getenv("CI"))) {
            Assumptions.abort(name + " is not installed (apt-get install ruby php-cli php-curl python3-pycryptodome "
                    + "python3-requests); .ci/run installs it");
        }
        assertTrue(found, name + " is required in CI");
        return path;
    }
}
