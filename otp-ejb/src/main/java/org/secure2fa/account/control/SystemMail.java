package org.secure2fa.account.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.secure2fa.challenge.control.Recipients;
import org.secure2fa.delivery.provider.DevOutboxProvider;
import org.secure2fa.delivery.provider.SmtpProvider;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.delivery.spi.DeliveryReceipt;
import org.secure2fa.delivery.spi.DeliveryRequest;

/**
 * The service's own mail to console users (sign-up confirmation, password reset), sent through SMTP
 * configured by {@code otp.mail.smtp.*} (environment variables {@code OTP_MAIL_SMTP_HOST} and so on),
 * or kept in the dev outbox when no SMTP host is configured. It reuses the delivery providers, so the
 * same code and the same tests stand behind both kinds of mail.
 */
@ApplicationScoped
public class SystemMail {

    private static final Logger LOG = Logger.getLogger(SystemMail.class.getName());

    @Inject
    SmtpProvider smtp;

    @Inject
    DevOutboxProvider devOutbox;

    @Inject
    AccountConfig config;

    @Resource
    ManagedExecutorService executor;

    @Inject
    Event<Mail> queued;

    /** A console mail waiting for its transaction to commit. */
    public record Mail(String to, String subject, String body) {
    }

    /**
     * Sends a plain-text mail in the background once the caller's transaction has committed (nothing is
     * mailed for a change that rolled back, and a link works as soon as it arrives). The caller's answer
     * takes as long whether or not a mail is sent, so response times do not tell which addresses have
     * an account.
     */
    public void sendLater(String to, String subject, String body) {
        queued.fire(new Mail(to, subject, body));
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Mail mail) {
        executor.execute(() -> send(mail.to(), mail.subject(), mail.body()));
    }

    /** Sends a plain-text mail now. Never throws for delivery failures; they are logged. */
    void send(String to, String subject, String body) {
        DeliveryRequest request = new DeliveryRequest(0, ChannelType.EMAIL, to, subject, body, null);
        DeliveryReceipt receipt;
        AccountConfig.Mail smtpConfig = config.mail();
        if (smtpConfig.smtpHost().isPresent()) {
            Map<String, String> settings = new HashMap<>();
            settings.put("host", smtpConfig.smtpHost().get());
            settings.put("port", smtpConfig.smtpPort());
            settings.put("security", smtpConfig.smtpSecurity());
            smtpConfig.smtpUsername().ifPresent(u -> settings.put("username", u));
            smtpConfig.smtpPassword().ifPresent(p -> settings.put("password", p));
            settings.put("from", smtpConfig.from());
            receipt = smtp.send(request, settings);
        } else {
            receipt = devOutbox.send(request, Map.of("from", smtpConfig.from()));
        }
        if (receipt.outcome() != DeliveryReceipt.Outcome.ACCEPTED) {
            LOG.warning(() -> "System mail to " + Recipients.mask(to) + " was not sent: " + receipt.detail());
        }
    }
}
