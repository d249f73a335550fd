package org.secure2fa.delivery.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.delivery.spi.DeliveryProvider;
import org.secure2fa.delivery.spi.DeliveryReceipt;
import org.secure2fa.delivery.spi.DeliveryRequest;
import org.secure2fa.delivery.spi.ProviderSetting;

/**
 * Email through any SMTP server (Jakarta Mail): plain, STARTTLS (required, not opportunistic) or
 * SMTPS, with optional authentication. Connect, read and write time out after
 * {@code timeout_ms} (10 s by default).
 */
@ApplicationScoped
public class SmtpProvider implements DeliveryProvider {

    public static final String ID = "smtp";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "SMTP server";
    }

    @Override
    public Set<ChannelType> channelTypes() {
        return Set.of(ChannelType.EMAIL);
    }

    @Override
    public List<ProviderSetting> settings() {
        return List.of(
                ProviderSetting.text("host", "SMTP host", true, null),
                ProviderSetting.text("port", "Port", true, "587"),
                ProviderSetting.choice("security", "Connection security", "STARTTLS", "STARTTLS", "SMTPS", "NONE"),
                ProviderSetting.text("username", "User name", false, null),
                ProviderSetting.secret("password", "Password", false),
                ProviderSetting.text("from", "From address", true, null),
                ProviderSetting.text("from_name", "From name", false, null),
                ProviderSetting.text("timeout_ms", "Timeout (ms)", false, "10000"));
    }

    @Override
    public DeliveryReceipt send(DeliveryRequest request, Map<String, String> settings) {
        String security = settings.getOrDefault("security", "STARTTLS");
        boolean smtps = "SMTPS".equals(security);
        String protocol = smtps ? "smtps" : "smtp";
        String timeout = settings.getOrDefault("timeout_ms", "10000");
        String user = settings.get("username");
        String password = settings.get("password");
        boolean auth = user != null && !user.isBlank();

        Properties props = new Properties();
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".host", settings.getOrDefault("host", "localhost"));
        props.put("mail." + protocol + ".port", settings.getOrDefault("port", smtps ? "465" : "587"));
        props.put("mail." + protocol + ".connectiontimeout", timeout);
        props.put("mail." + protocol + ".timeout", timeout);
        props.put("mail." + protocol + ".writetimeout", timeout);
        props.put("mail." + protocol + ".auth", Boolean.toString(auth));
        if ("STARTTLS".equals(security)) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        if (!"NONE".equals(security)) {
            props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        Session session = Session.getInstance(props, auth ? new jakarta.mail.Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, password == null ? "" : password);
            }
        } : null);
        try {
            MimeMessage message = MailMessages.build(session, request, settings.get("from"), settings.get("from_name"));
            Transport.send(message);
            return DeliveryReceipt.accepted(message.getMessageID());
        } catch (AddressException | UnsupportedEncodingException e) {
            return DeliveryReceipt.rejectedRecipient("Invalid address: " + e.getMessage());
        } catch (AuthenticationFailedException e) {
            return DeliveryReceipt.rejected("SMTP authentication failed");
        } catch (SendFailedException e) {
            return e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0
                    ? DeliveryReceipt.rejectedRecipient("Recipient refused: " + e.getMessage())
                    : DeliveryReceipt.retry("Send failed: " + e.getMessage());
        } catch (MessagingException e) {
            return DeliveryReceipt.retry("SMTP error: " + e.getMessage());
        }
    }
}
