package org.secure2fa.delivery.provider;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import org.secure2fa.challenge.control.Recipients;
import org.secure2fa.delivery.control.DeliveryConfig;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.delivery.spi.DeliveryProvider;
import org.secure2fa.delivery.spi.DeliveryReceipt;
import org.secure2fa.delivery.spi.DeliveryRequest;
import org.secure2fa.delivery.spi.ProviderSetting;
import org.secure2fa.platform.control.ServerDirectory;

/**
 * For development: keeps every message as a file instead of sending it, {@code .eml} for email (open
 * it in any mail client) and {@code .txt} for SMS, in {@code otp.delivery.dev-outbox-dir} (by default
 * {@code dev-outbox/} in the server's domain directory), and logs one line per message.
 */
@ApplicationScoped
public class DevOutboxProvider implements DeliveryProvider {

    public static final String ID = "dev-outbox";
    private static final Logger LOG = Logger.getLogger(DevOutboxProvider.class.getName());

    Optional<String> configuredDir = Optional.empty();

    @Inject
    void configure(DeliveryConfig config) {
        configuredDir = config.devOutboxDir();
    }

    private Path dir;

    @PostConstruct
    void init() {
        dir = configuredDir.filter(s -> !s.isBlank()).map(Path::of)
                .or(() -> ServerDirectory.root().map(root -> root.resolve("dev-outbox")))
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "secure2fa-dev-outbox"));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Development outbox (files, nothing is sent)";
    }

    @Override
    public Set<ChannelType> channelTypes() {
        return Set.of(ChannelType.EMAIL, ChannelType.SMS);
    }

    @Override
    public List<ProviderSetting> settings() {
        return List.of(ProviderSetting.text("from", "From address", false, "no-reply@secure2fa.local"));
    }

    @Override
    public DeliveryReceipt send(DeliveryRequest request, Map<String, String> settings) {
        String name = Instant.now().toString().replace(':', '-') + "-" + request.deliveryId();
        try {
            Files.createDirectories(dir);
            Path file;
            if (request.type() == ChannelType.EMAIL) {
                file = dir.resolve(name + ".eml");
                MimeMessage message = MailMessages.build(Session.getInstance(new Properties()), request,
                        settings.getOrDefault("from", "no-reply@secure2fa.local"), null);
                try (OutputStream out = Files.newOutputStream(file)) {
                    message.writeTo(out);
                }
            } else {
                file = dir.resolve(name + ".txt");
                Files.writeString(file, "To: " + request.recipient() + "\n\n" + request.body() + "\n",
                        StandardCharsets.UTF_8);
            }
            LOG.info(() -> "Dev outbox: " + request.type() + " to " + Recipients.mask(request.recipient())
                    + " kept in " + file);
            return DeliveryReceipt.accepted("dev-outbox:" + file.getFileName());
        } catch (IOException | MessagingException e) {
            return DeliveryReceipt.retry("Cannot write to the dev outbox " + dir + ": " + e.getMessage());
        }
    }
}
