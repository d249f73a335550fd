package org.secure2fa.delivery.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.secure2fa.delivery.provider.http.ProviderHttp;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.delivery.spi.DeliveryProvider;
import org.secure2fa.delivery.spi.DeliveryReceipt;
import org.secure2fa.delivery.spi.DeliveryRequest;
import org.secure2fa.delivery.spi.ProviderSetting;

/**
 * Brevo's (formerly Sendinblue) transactional email API, as its reference documents it:
 * {@code POST /v3/smtp/email} on {@code https://api.brevo.com} with the API key in the {@code api-key}
 * header and a JSON body {@code {sender:{email, name?}, to:[{email}], subject, textContent,
 * htmlContent?}}. A queued message is answered 201 {@code {"messageId":"<…@smtp-relay.mailin.fr>"}};
 * the id is kept as given, angle brackets included, as Brevo's own events report it.
 *
 * <p>Errors are {@code {"code","message"}}: a 400 {@code invalid_parameter} "email is not valid in to"
 * blames the recipient; other 4xx (401 {@code unauthorized}, 402 {@code not_enough_credits}, 403
 * {@code permission_denied} for an SMTP account not yet activated, 400 "Sender is invalid / inactive")
 * the configuration. Blocklisted contacts are not refused at send time: Brevo accepts the message and
 * reports it {@code blocked} in its events.
 */
@ApplicationScoped
public class BrevoProvider implements DeliveryProvider {

    public static final String ID = "brevo";
    static final String API = "https://api.brevo.com";
    private static final Pattern INVALID_TO = Pattern.compile("(?i).*\\bnot valid in to\\b.*", Pattern.DOTALL);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Brevo";
    }

    @Override
    public Set<ChannelType> channelTypes() {
        return Set.of(ChannelType.EMAIL);
    }

    @Override
    public List<ProviderSetting> settings() {
        return List.of(
                ProviderSetting.secret("api_key", "API key", true),
                ProviderSetting.text("from", "Sender address (a verified sender)", true, null),
                ProviderSetting.text("from_name", "Sender name", false, null),
                ProviderSetting.text("base_url", "API base URL", false, API),
                ProviderSetting.text("timeout_ms", "Timeout (ms)", false, "10000"));
    }

    @Override
    public DeliveryReceipt send(DeliveryRequest message, Map<String, String> settings) {
        JsonObjectBuilder sender = ProviderHttp.object().add("email", ProviderHttp.required(settings, "from"));
        String fromName = ProviderHttp.optional(settings, "from_name");
        if (fromName != null) {
            sender.add("name", fromName);
        }
        JsonObjectBuilder body = ProviderHttp.object()
                .add("sender", sender)
                .add("to", ProviderHttp.JSON.createArrayBuilder().add(ProviderHttp.object().add("email", message.recipient())))
                .add("subject", message.subject() == null ? "" : message.subject())
                .add("textContent", message.body());
        if (message.htmlBody() != null && !message.htmlBody().isBlank()) {
            body.add("htmlContent", message.htmlBody());
        }
        HttpRequest request = ProviderHttp.request(ProviderHttp.baseUrl(settings, API), "/v3/smtp/email", settings)
                .header("api-key", ProviderHttp.required(settings, "api_key"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString()))
                .build();
        return ProviderHttp.exchange(request,
                answer -> ProviderHttp.pointer(answer.json(), "/messageId").orElse(null),
                answer -> answer.status() == 400
                        && ProviderHttp.pointer(answer.json(), "/code").map("invalid_parameter"::equals).orElse(false)
                        && ProviderHttp.pointer(answer.json(), "/message").map(m -> INVALID_TO.matcher(m).matches())
                        .orElse(false));
    }
}
