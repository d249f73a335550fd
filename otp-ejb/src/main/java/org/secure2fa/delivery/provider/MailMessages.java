package org.secure2fa.delivery.provider;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import org.secure2fa.delivery.spi.DeliveryRequest;

/** Builds the MIME message for an email delivery: plain text, or text and HTML alternatives. */
final class MailMessages {

    private MailMessages() {
    }

    static MimeMessage build(Session session, DeliveryRequest request, String from, String fromName)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(fromName == null || fromName.isBlank()
                ? new InternetAddress(from, true) : new InternetAddress(from, fromName, "UTF-8"));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(request.recipient(), true));
        message.setSubject(request.subject() == null ? "" : request.subject(), "UTF-8");
        message.setSentDate(new Date());
        if (request.htmlBody() == null || request.htmlBody().isBlank()) {
            message.setText(request.body(), "UTF-8");
        } else {
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(request.body(), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(request.htmlBody(), "UTF-8", "html");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
        }
        message.saveChanges();
        return message;
    }
}
