package org.secure2fa.delivery.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.delivery.spi.DeliveryReceipt.Outcome;
import org.secure2fa.delivery.spi.DeliveryRequest;

/** The SMTP provider against a real in-process SMTP server (GreenMail). */
class SmtpProviderTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(com.icegreen.greenmail.configuration.GreenMailConfiguration.aConfig()
                    .withUser("otp@example.com", "sender", "s3cret"));

    private final SmtpProvider provider = new SmtpProvider();

    private Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("host", "127.0.0.1");
        settings.put("port", Integer.toString(ServerSetupTest.SMTP.getPort()));
        settings.put("security", "NONE");
        settings.put("username", "sender");
        settings.put("password", "s3cret");
        settings.put("from", "otp@example.com");
        settings.put("from_name", "Secure 2FA");
        settings.put("timeout_ms", "3000");
        return settings;
    }

    @Test
    void sendsTextAndHtmlWithAuthentication() throws Exception {
        var receipt = provider.send(new DeliveryRequest(7, ChannelType.EMAIL, "alice@example.com",
                "Votre code de connexion", "Votre code est 123456", "<p>Votre code est <b>123456</b></p>"), settings());
        assertEquals(Outcome.ACCEPTED, receipt.outcome(), receipt.detail());
        assertNotNull(receipt.providerMessageId());
        MimeMessage[] received = mail.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("Votre code de connexion", received[0].getSubject());
        assertEquals(receipt.providerMessageId(), received[0].getMessageID());
        assertTrue(GreenMailUtil.getBody(received[0]).contains("123456"));
        assertTrue(received[0].getFrom()[0].toString().contains("Secure 2FA"));
    }

    @Test
    void wrongCredentialsAreAPermanentFailure() {
        Map<String, String> settings = settings();
        settings.put("password", "wrong");
        var receipt = provider.send(new DeliveryRequest(8, ChannelType.EMAIL, "alice@example.com", "s", "b 1", null),
                settings);
        assertEquals(Outcome.REJECTED, receipt.outcome(), receipt.detail());
        assertEquals(0, mail.getReceivedMessages().length);
    }

    @Test
    void anUnreachableServerIsRetried() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> settings = settings();
        settings.put("port", Integer.toString(closedPort));
        var receipt = provider.send(new DeliveryRequest(9, ChannelType.EMAIL, "alice@example.com", "s", "b 1", null),
                settings);
        assertEquals(Outcome.RETRY, receipt.outcome());
    }

    @Test
    void starttlsIsRequiredWhenAsked() {
        Map<String, String> settings = settings();
        settings.put("security", "STARTTLS");
        var receipt = provider.send(new DeliveryRequest(10, ChannelType.EMAIL, "alice@example.com", "s", "b 1", null),
                settings);
        // GreenMail's plain SMTP port does not offer STARTTLS: the message must not go out in clear text.
        assertTrue(receipt.outcome() != Outcome.ACCEPTED, receipt.toString());
        assertEquals(0, mail.getReceivedMessages().length);
    }
}
