package org.secure2fa.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.secure2fa.it.Fixtures.TestProject;

/**
 * A delivery committed but not yet sent when the server dies is sent after restart: the outbox is in
 * the database, not in memory.
 */
class CrashRecoveryIT {

    @Test
    void aMessageQueuedBeforeACrashIsSentAfterRestart() throws Exception {
        TestServer server = TestServer.get();
        int laterPort = server.smtpPort() + 1;
        TestProject project = Fixtures.project(Fixtures.spec().smtp(laterPort));
        String uuid = "user-" + UUID.randomUUID();
        String to = uuid + "@example.com";
        assertEquals(200, Api.generate(project, uuid, to, "lang", "fr").status());
        assertEquals(1, Fixtures.number("select count(*) from delivery where project_id = ? and status <> 'SENT'",
                project.id()), "committed, not sent: nothing listens on the channel's SMTP port yet");

        GreenMail lateServer = new GreenMail(new ServerSetup(laterPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        try {
            server.crashAndRestart(lateServer::start);
            long deadline = System.currentTimeMillis() + 60_000;
            MimeMessage received = null;
            while (received == null && System.currentTimeMillis() < deadline) {
                for (MimeMessage message : lateServer.getReceivedMessages()) {
                    if (message.getAllRecipients()[0].toString().equals(to)) {
                        received = message;
                    }
                }
                Thread.sleep(200);
            }
            if (received == null) {
                throw new AssertionError("The queued message was not sent after the restart");
            }
            assertEquals("Votre code de connexion", received.getSubject());
            assertEquals(200, Api.verify(project, uuid, DeliveryIT.codeIn(received)).status());
            assertEquals("SENT", Fixtures.row("select status from delivery where project_id = ?", project.id())
                    .get("status"));
        } finally {
            lateServer.stop();
        }
    }
}
