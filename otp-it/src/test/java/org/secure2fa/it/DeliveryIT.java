package org.secure2fa.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.secure2fa.it.Fixtures.TestProject;

/** Email leaves through a real SMTP server (GreenMail), after commit, and failures are retried. */
class DeliveryIT {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    /** Waits for the message to {@code to} and returns it. */
    static MimeMessage awaitMail(String to, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage message : TestServer.get().mail.getReceivedMessages()) {
                if (Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(to))) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No email to " + to + " within " + timeoutMillis + " ms");
    }

    static String codeIn(MimeMessage message) {
        Matcher matcher = CODE.matcher(GreenMailUtil.getBody(message));
        assertTrue(matcher.find(), "no code in the message");
        return matcher.group(1);
    }

    @Test
    void theCodeArrivesByEmailInTheRequestedLanguageAndVerifies() throws Exception {
        TestProject project = Fixtures.project(Fixtures.spec().smtp(TestServer.get().smtpPort()));
        String uuid = "user-" + UUID.randomUUID();
        String to = uuid + "@example.com";
        assertEquals(200, Api.generate(project, uuid, to, "lang", "fr").status());
        MimeMessage message = awaitMail(to, 15_000);
        assertEquals("Votre code de connexion", message.getSubject());
        assertTrue(message.getFrom()[0].toString().contains("otp@example.com"));
        String code = codeIn(message);
        assertTrue(GreenMailUtil.getBody(message).contains("Votre code de connexion est " + code));
        assertEquals(200, Api.verify(project, uuid, code).status());

        Map<String, Object> delivery = Fixtures.row("select status, provider_id, provider_message_id, payload_sealed "
                + "from delivery where project_id = ?", project.id());
        assertEquals("SENT", delivery.get("status"));
        assertEquals("smtp", delivery.get("provider_id"));
        assertEquals(message.getMessageID(), delivery.get("provider_message_id"));
        assertNull(delivery.get("payload_sealed"), "the message (and its code) is erased once sent");
    }

    @Test
    void templateRequestSendsNoEmail() throws Exception {
        TestProject project = Fixtures.project(Fixtures.spec().smtp(TestServer.get().smtpPort()));
        String uuid = "user-" + UUID.randomUUID();
        String to = uuid + "@example.com";
        assertEquals(200, Api.template(project, uuid, to).status());
        assertEquals(200, Api.generate(project, "marker-" + uuid, "marker-" + to).status());
        awaitMail("marker-" + to, 15_000);
        assertTrue(Arrays.stream(TestServer.get().mail.getReceivedMessages()).noneMatch(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(to);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }), "a template request must not send anything");
    }

    @Test
    void anUnreachableServerIsRetriedWithBackoffAndTheApiDoesNotWait() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TestProject project = Fixtures.project(Fixtures.spec().smtp(closedPort));
        long started = System.nanoTime();
        assertEquals(200, Api.generate(project, "user-" + UUID.randomUUID(), "a@example.com").status());
        assertTrue((System.nanoTime() - started) / 1_000_000 < 5_000, "the API does not wait for delivery");
        long deadline = System.currentTimeMillis() + 20_000;
        long attempts = 0;
        while (System.currentTimeMillis() < deadline && attempts < 3) {
            Thread.sleep(200);
            attempts = Fixtures.number("select attempts from delivery where project_id = ?", project.id());
        }
        assertTrue(attempts >= 3, "retried: " + attempts + " attempts");
        Map<String, Object> delivery = Fixtures.row("select status, last_error from delivery where project_id = ?",
                project.id());
        assertTrue(Arrays.asList("PENDING", "SENDING").contains(delivery.get("status")), delivery.toString());
        String error = String.valueOf(delivery.get("last_error"));
        // after a few failures the channel's circuit opens and attempts wait for it instead of calling
        assertTrue(error.contains("SMTP") || error.contains("circuits open"), delivery.toString());
    }

    @Test
    void theDevOutboxKeepsMessagesAsFiles() throws Exception {
        TestProject project = Fixtures.project();
        String uuid = "user-" + UUID.randomUUID();
        assertEquals(200, Api.generate(project, uuid, uuid + "@example.com").status());
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            if (java.nio.file.Files.exists(TestServer.get().outbox)) {
                try (var files = java.nio.file.Files.list(TestServer.get().outbox)) {
                    for (var file : files.toList()) {
                        if (java.nio.file.Files.readString(file).contains("To: " + uuid + "@example.com")) {
                            return;
                        }
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no .eml in " + TestServer.get().outbox);
    }
}
