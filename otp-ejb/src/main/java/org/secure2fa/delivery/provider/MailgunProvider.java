package org.secure2fa.delivery.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
 * Mailgun's Messages API, as its reference documents it: {@code POST /v3/{domain}/messages} on
 * {@code https://api.mailgun.net} (EU domains: {@code https://api.eu.mailgun.net} via {@code base_url})
 * with HTTP Basic authentication, user {@code api} and the API key as password, and the form fields
 * {@code from, to, subject, text, html}. The current OpenAPI reference lists {@code multipart/form-data};
 * the sending reference says multipart is required only for attachments, so this provider, which never
 * attaches anything, posts {@code application/x-www-form-urlencoded}.
 *
 * <p>A queued message is answered 200 {@code {"id":"<20111114174239.25659.5817@samples.mailgun.org>",
 * "message":"Queued. Thank you."}}; the id is kept without its angle brackets, which is how the
 * message's {@code Message-Id} appears in webhook events ({@code event-data.message.headers.message-id}).
 * A 400 {@code {"message":"'to' parameter is not a valid address. please check documentation"}} blames
 * the recipient; other 4xx (401 bad key, 402 request failed, 404 unknown domain, a bad {@code from}) the
 * configuration. Suppressed recipients are not refused at send time: Mailgun accepts the message and
 * reports it {@code failed} on the webhook.
 *
 * <p>Status comes from Mailgun's webhooks (the JSON kind), as "Securing Webhooks" documents them: the
 * body is {@code {"signature":{"timestamp","token","signature"},"event-data":{…}}} and the signature is
 * the hex HMAC-SHA256 of timestamp followed by token, keyed with the account's HTTP webhook signing
 * key. {@code event-data.event} {@code delivered} is DELIVERED; {@code failed} with
 * {@code severity: permanent} is BOUNCED, as is {@code complained}; a temporary failure (Mailgun retries
 * it) and every other event are skipped. The message id reported is
 * {@code event-data.message.headers.message-id} without angle brackets, the same form as the id kept at
 * send time. A timestamp more than ten minutes from now is refused. Legacy form-encoded webhooks and the
 * subaccount {@code parent-signature} are not supported.
 */
@ApplicationScoped
public class MailgunProvider implements DeliveryProvider, StatusCallbacks {

    public static final String ID = "mailgun";
    static final String API = "https://api.mailgun.net";

    /** Now, for the freshness of signed callbacks; tests fix it. */
    Clock clock = Clock.systemUTC();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Mailgun";
    }

    @Override
    public Set<ChannelType> channelTypes() {
        return Set.of(ChannelType.EMAIL);
    }

    @Override
    public List<ProviderSetting> settings() {
        return List.of(
                ProviderSetting.secret("api_key", "API key", true),
                ProviderSetting.text("domain", "Sending domain (e.g. mg.example.com)", true, null),
                ProviderSetting.text("from", "From (address, or Name <address>, on the sending domain)", true, null),
                ProviderSetting.text("base_url", "API base URL (EU: https://api.eu.mailgun.net)", false, API),
                ProviderSetting.text("timeout_ms", "Timeout (ms)", false, "10000"));
    }

    @Override
    public DeliveryReceipt send(DeliveryRequest message, Map<String, String> settings) {
        String domain = ProviderHttp.required(settings, "domain");
        if (!domain.matches("[A-Za-z0-9.-]+")) {
            return DeliveryReceipt.rejected("The channel setting domain is not a domain name: " + domain);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("from", ProviderHttp.required(settings, "from"));
        fields.put("to", message.recipient());
        fields.put("subject", message.subject() == null ? "" : message.subject());
        fields.put("text", message.body());
        if (message.htmlBody() != null && !message.htmlBody().isBlank()) {
            fields.put("html", message.htmlBody());
        }
        HttpRequest request = ProviderHttp.request(ProviderHttp.baseUrl(settings, API), "/v3/" + domain + "/messages",
                        settings)
                .header("Authorization", ProviderHttp.basicAuth("api", ProviderHttp.required(settings, "api_key")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ProviderHttp.form(fields)))
                .build();
        return ProviderHttp.exchange(request,
                answer -> ProviderHttp.pointer(answer.json(), "/id").map(MailgunProvider::bare).orElse(null),
                answer -> answer.status() == 400 && ProviderHttp.pointer(answer.json(), "/message")
                        .map(text -> text.startsWith("'to' parameter is not a valid address")).orElse(false));
    }

    /** A Message-Id without its angle brackets. */
    static String bare(String messageId) {
        String id = messageId.strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1);
        }
        return id;
    }

    @Override
    public List<ProviderSetting> callbackSettings() {
        return List.of(ProviderSetting.secret("webhook_signing_key", "HTTP webhook signing key", true));
    }

    @Override
    public List<StatusUpdate> parse(CallbackRequest request, Map<String, String> settings)
            throws CallbackRejectedException {
        String signingKey = Webhooks.setting(settings, "webhook_signing_key");
        JsonValue body = Webhooks.json(request.body());
        if (body == null || body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new CallbackRejectedException("Not a Mailgun webhook: the body is not a JSON object");
        }
        JsonObject json = body.asJsonObject();
        String timestamp = ProviderHttp.pointer(json, "/signature/timestamp").orElse(null);
        String token = ProviderHttp.pointer(json, "/signature/token").orElse(null);
        String signature = ProviderHttp.pointer(json, "/signature/signature").orElse(null);
        if (timestamp == null || token == null || signature == null) {
            throw new CallbackRejectedException("The Mailgun webhook is not signed");
        }
        String expected = hmacHex(signingKey, timestamp + token);
        if (!Webhooks.sameSecret(expected, signature.strip().toLowerCase(Locale.ROOT))) {
            throw new CallbackRejectedException("The Mailgun webhook signature does not verify");
        }
        Webhooks.requireFresh(timestamp, clock);

        String event = ProviderHttp.pointer(json, "/event-data/event").orElse("");
        String messageId = ProviderHttp.pointer(json, "/event-data/message/headers/message-id").map(MailgunProvider::bare)
                .orElse(null);
        if (messageId == null || messageId.isEmpty()) {
            return List.of();
        }
        return switch (event) {
            case "delivered" -> List.of(new StatusUpdate(messageId, StatusUpdate.Kind.DELIVERED,
                    ProviderHttp.pointer(json, "/event-data/delivery-status/message").orElse(null)));
            case "failed" -> "permanent".equals(ProviderHttp.pointer(json, "/event-data/severity").orElse(""))
                    ? List.of(new StatusUpdate(messageId, StatusUpdate.Kind.BOUNCED, failure(json)))
                    : List.of();
            case "complained" -> List.of(new StatusUpdate(messageId, StatusUpdate.Kind.BOUNCED, "complained"));
            default -> List.of();
        };
    }

    private static String failure(JsonObject json) {
        String reason = ProviderHttp.pointer(json, "/event-data/reason").orElse("failed");
        String description = ProviderHttp.pointer(json, "/event-data/delivery-status/description")
                .filter(d -> !d.isBlank())
                .or(() -> ProviderHttp.pointer(json, "/event-data/delivery-status/message"))
                .orElse("");
        return description.isBlank() ? reason : reason + ": " + description;
    }

    static String hmacHex(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
