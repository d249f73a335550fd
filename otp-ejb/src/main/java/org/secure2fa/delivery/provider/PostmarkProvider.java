package org.secure2fa.delivery.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.secure2fa.delivery.provider.http.ProviderHttp;
import org.secure2fa.delivery.spi.CallbackRejectedException;
import org.secure2fa.delivery.spi.CallbackRequest;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.delivery.spi.DeliveryProvider;
import org.secure2fa.delivery.spi.DeliveryReceipt;
import org.secure2fa.delivery.spi.DeliveryRequest;
import org.secure2fa.delivery.spi.ProviderSetting;
import org.secure2fa.delivery.spi.StatusCallbacks;
import org.secure2fa.delivery.spi.StatusUpdate;

/**
 * Postmark's Email API: {@code POST /email} with the server token in {@code X-Postmark-Server-Token},
 * a JSON body of {@code From, To, Subject, TextBody, HtmlBody, MessageStream}; the answer's
 * {@code MessageID} is the message id. A 422 with ErrorCode 300 (invalid email request) or 406
 * (inactive recipient) blames the recipient; other 4xx (e.g. 401 or ErrorCode 10, a bad token) the
 * configuration.
 *
 * <p>Status comes from Postmark's webhooks, which carry no signature: Postmark's documented way to
 * secure them is HTTP Basic credentials in the webhook URL ({@code https://user:pass@host/…}, or the
 * webhook's {@code HttpAuth}), which it sends as an {@code Authorization: Basic} header. They are
 * checked, in constant time, against the channel's {@code webhook_username} and
 * {@code webhook_password}; a call without them, or with others, is refused (there is no timestamp to
 * check freshness against). Each call carries one JSON record: {@code RecordType} {@code Delivery} is
 * DELIVERED; {@code Bounce} and {@code SpamComplaint} are BOUNCED; the rest (Open, Click,
 * SubscriptionChange) are skipped. {@code MessageID} is the id the send answer gave.
 */
@ApplicationScoped
public class PostmarkProvider implements DeliveryProvider, StatusCallbacks {

    public static final String ID = "postmark";
    static final String API = "https://api.postmarkapp.com";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Postmark";
    }

    @Override
    public Set<ChannelType> channelTypes() {
        return Set.of(ChannelType.EMAIL);
    }

    @Override
    public List<ProviderSetting> settings() {
        return List.of(
                ProviderSetting.secret("server_token", "Server API token", true),
                ProviderSetting.text("from", "From address (a confirmed sender signature)", true, null),
                ProviderSetting.text("message_stream", "Message stream", false, "outbound"),
                ProviderSetting.text("base_url", "API base URL", false, API),
                ProviderSetting.text("timeout_ms", "Timeout (ms)", false, "10000"));
    }

    @Override
    public DeliveryReceipt send(DeliveryRequest message, Map<String, String> settings) {
        JsonObjectBuilder body = ProviderHttp.object()
                .add("From", ProviderHttp.required(settings, "from"))
                .add("To", message.recipient())
                .add("Subject", message.subject() == null ? "" : message.subject())
                .add("TextBody", message.body())
                .add("MessageStream", settings.getOrDefault("message_stream", "outbound"));
        if (message.htmlBody() != null) {
            body.add("HtmlBody", message.htmlBody());
        }
        HttpRequest request = ProviderHttp.request(ProviderHttp.baseUrl(settings, API), "/email", settings)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("X-Postmark-Server-Token", ProviderHttp.required(settings, "server_token"))
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString()))
                .build();
        return ProviderHttp.exchange(request,
                answer -> ProviderHttp.pointer(answer.json(), "/MessageID").orElse(null),
                answer -> answer.status() == 422 && ProviderHttp.pointer(answer.json(), "/ErrorCode")
                        .map(code -> code.equals("300") || code.equals("406")).orElse(false));
    }

    @Override
    public List<ProviderSetting> callbackSettings() {
        return List.of(
                ProviderSetting.text("webhook_username", "Webhook username (the user in the webhook URL)", true, null),
                ProviderSetting.secret("webhook_password", "Webhook password (the password in the webhook URL)", true));
    }

    @Override
    public List<StatusUpdate> parse(CallbackRequest request, Map<String, String> settings)
            throws CallbackRejectedException {
        String username = Webhooks.setting(settings, "webhook_username");
        String password = Webhooks.setting(settings, "webhook_password");
        String authorization = request.header("Authorization")
                .orElseThrow(() -> new CallbackRejectedException("No Authorization header"));
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new CallbackRejectedException("The Authorization header is not Basic");
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new CallbackRejectedException("The Basic credentials are not Base64");
        }
        int colon = credentials.indexOf(':');
        String givenUser = colon >= 0 ? credentials.substring(0, colon) : credentials;
        String givenPassword = colon >= 0 ? credentials.substring(colon + 1) : "";
        boolean userMatches = Webhooks.sameSecret(username, givenUser);
        boolean passwordMatches = Webhooks.sameSecret(password, givenPassword);
        if (!(userMatches & passwordMatches)) {
            throw new CallbackRejectedException("The webhook credentials do not match the channel's");
        }

        JsonValue body = Webhooks.json(request.body());
        if (body == null || body.getValueType() != JsonValue.ValueType.OBJECT) {
            return List.of();
        }
        JsonObject record = body.asJsonObject();
        String messageId = Webhooks.string(record.get("MessageID"));
        if (messageId == null || messageId.isBlank()) {
            return List.of();
        }
        String type = String.valueOf(Webhooks.string(record.get("RecordType")));
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "delivery" -> List.of(new StatusUpdate(messageId, StatusUpdate.Kind.DELIVERED,
                    Webhooks.string(record.get("Details"))));
            case "bounce" -> List.of(new StatusUpdate(messageId, StatusUpdate.Kind.BOUNCED,
                    record.getString("Type", "Bounce") + ": " + record.getString("Description", "")));
            case "spamcomplaint" -> List.of(new StatusUpdate(messageId, StatusUpdate.Kind.BOUNCED, "SpamComplaint"));
            default -> List.of();
        };
    }
}
