package org.secure2fa.delivery.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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
 * Twilio SendGrid's v3 Mail Send API, as its reference documents it: {@code POST /v3/mail/send} on
 * {@code https://api.sendgrid.com} (EU subusers: {@code https://api.eu.sendgrid.com} via {@code base_url})
 * with {@code Authorization: Bearer <api key>} and a JSON body of {@code personalizations[].to[].email},
 * {@code from {email, name}}, {@code subject} and {@code content[]} ({@code text/plain} first, then
 * {@code text/html}, the order SendGrid requires). A queued message is answered {@code 202 Accepted}
 * with an empty body; its id is the {@code X-Message-Id} response header, which is also the first part
 * of the {@code sg_message_id} that the Event Webhook reports.
 *
 * <p>Errors are {@code {"errors":[{"message","field","help"}]}}. A 400 whose error names the field
 * {@code personalizations.N.to.N.email} ("Does not contain a valid address.") blames the recipient;
 * other 4xx (401 bad key, 403 unverified sender or suspended account, 400 bad {@code from.email}) the
 * configuration. Suppressed addresses are not refused at send time: SendGrid accepts the message and
 * reports it {@code dropped} on the Event Webhook.
 *
 * <p>Status comes from the signed Event Webhook, as SendGrid's "Event Webhook security features" page
 * documents it: an ECDSA (P-256, SHA-256) signature, Base64 of the DER encoding, in
 * {@code X-Twilio-Email-Event-Webhook-Signature}, over the {@code X-Twilio-Email-Event-Webhook-Timestamp}
 * value followed by the raw body, verified with the account's verification key (Base64 of the DER
 * SubjectPublicKeyInfo, as the Mail Settings page shows it; PEM armour is tolerated). The body is a
 * JSON array of events: {@code delivered} is DELIVERED; {@code bounce}, {@code dropped} and
 * {@code spamreport} are BOUNCED; the rest (processed, deferred, open, click, …) are skipped. An event's
 * {@code sg_message_id} starts with the {@code X-Message-Id} of the send, followed by a dot: the part
 * before the first dot is the provider message id reported. A timestamp more than ten minutes from now
 * is refused.
 */
@ApplicationScoped
public class SendGridProvider implements DeliveryProvider, StatusCallbacks {

    public static final String ID = "sendgrid";
    static final String API = "https://api.sendgrid.com";
    private static final Pattern RECIPIENT_FIELD = Pattern.compile("personalizations\\.\\d+\\.to\\.\\d+\\.email");
    static final String SIGNATURE_HEADER = "X-Twilio-Email-Event-Webhook-Signature";
    static final String TIMESTAMP_HEADER = "X-Twilio-Email-Event-Webhook-Timestamp";

    /** Now, for the freshness of signed callbacks; tests fix it. */
    Clock clock = Clock.systemUTC();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Twilio SendGrid";
    }

    @Override
    public Set<ChannelType> channelTypes() {
        return Set.of(ChannelType.EMAIL);
    }

    @Override
    public List<ProviderSetting> settings() {
        return List.of(
                ProviderSetting.secret("api_key", "API key (Mail Send permission)", true),
                ProviderSetting.text("from", "From address (a verified sender or authenticated domain)", true, null),
                ProviderSetting.text("from_name", "From name", false, null),
                ProviderSetting.text("base_url", "API base URL (EU subusers: https://api.eu.sendgrid.com)", false, API),
                ProviderSetting.text("timeout_ms", "Timeout (ms)", false, "10000"));
    }

    @Override
    public DeliveryReceipt send(DeliveryRequest message, Map<String, String> settings) {
        JsonObjectBuilder from = ProviderHttp.object().add("email", ProviderHttp.required(settings, "from"));
        String fromName = ProviderHttp.optional(settings, "from_name");
        if (fromName != null) {
            from.add("name", fromName);
        }
        JsonArrayBuilder content = ProviderHttp.JSON.createArrayBuilder()
                .add(ProviderHttp.object().add("type", "text/plain").add("value", message.body()));
        if (message.htmlBody() != null && !message.htmlBody().isBlank()) {
            content.add(ProviderHttp.object().add("type", "text/html").add("value", message.htmlBody()));
        }
        JsonObject body = ProviderHttp.object()
                .add("personalizations", ProviderHttp.JSON.createArrayBuilder().add(ProviderHttp.object()
                        .add("to", ProviderHttp.JSON.createArrayBuilder()
                                .add(ProviderHttp.object().add("email", message.recipient())))))
                .add("from", from)
                .add("subject", message.subject() == null ? "" : message.subject())
                .add("content", content)
                .build();
        HttpRequest request = ProviderHttp.request(ProviderHttp.baseUrl(settings, API), "/v3/mail/send", settings)
                .header("Authorization", "Bearer " + ProviderHttp.required(settings, "api_key"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return ProviderHttp.exchange(request, SendGridProvider::messageId, SendGridProvider::blamesRecipient);
    }

    private static String messageId(ProviderHttp.Answer answer) {
        return answer.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("X-Message-Id") && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst().orElse(null);
    }

    private static boolean blamesRecipient(ProviderHttp.Answer answer) {
        if (answer.status() != 400) {
            return false;
        }
        JsonValue errors = answer.json().get("errors");
        if (errors == null || errors.getValueType() != JsonValue.ValueType.ARRAY) {
            return false;
        }
        return errors.asJsonArray().stream()
                .filter(e -> e.getValueType() == JsonValue.ValueType.OBJECT)
                .map(e -> e.asJsonObject().getString("field", ""))
                .anyMatch(field -> RECIPIENT_FIELD.matcher(field).matches());
    }

    @Override
    public List<ProviderSetting> callbackSettings() {
        return List.of(ProviderSetting.secret("webhook_verification_key",
                "Event Webhook verification key (Signed Event Webhook, Base64 public key)", true));
    }

    @Override
    public List<StatusUpdate> parse(CallbackRequest request, Map<String, String> settings)
            throws CallbackRejectedException {
        PublicKey key = verificationKey(Webhooks.setting(settings, "webhook_verification_key"));
        String signature = request.header(SIGNATURE_HEADER)
                .orElseThrow(() -> new CallbackRejectedException("No " + SIGNATURE_HEADER + " header"));
        String timestamp = request.header(TIMESTAMP_HEADER)
                .orElseThrow(() -> new CallbackRejectedException("No " + TIMESTAMP_HEADER + " header"));
        String body = request.body() == null ? "" : request.body();
        if (!verifies(key, timestamp + body, signature)) {
            throw new CallbackRejectedException("The Event Webhook signature does not verify");
        }
        Webhooks.requireFresh(timestamp, clock);

        JsonValue events = Webhooks.json(body);
        if (events == null || events.getValueType() != JsonValue.ValueType.ARRAY) {
            return List.of();
        }
        List<StatusUpdate> updates = new ArrayList<>();
        for (JsonValue value : events.asJsonArray()) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                continue;
            }
            JsonObject event = value.asJsonObject();
            String sgMessageId = Webhooks.string(event.get("sg_message_id"));
            if (sgMessageId == null || sgMessageId.isBlank()) {
                continue;
            }
            int dot = sgMessageId.indexOf('.');
            String messageId = dot >= 0 ? sgMessageId.substring(0, dot) : sgMessageId;
            String type = String.valueOf(Webhooks.string(event.get("event")));
            switch (type) {
                case "delivered" -> updates.add(new StatusUpdate(messageId, StatusUpdate.Kind.DELIVERED,
                        Webhooks.string(event.get("response"))));
                case "bounce", "dropped" -> updates.add(new StatusUpdate(messageId, StatusUpdate.Kind.BOUNCED,
                        type + ": " + event.getString("reason", event.getString("type", ""))));
                case "spamreport" -> updates.add(new StatusUpdate(messageId, StatusUpdate.Kind.BOUNCED,
                        "spamreport"));
                default -> {
                    // processed, deferred, open, click, unsubscribe, …: not a final delivery status
                }
            }
        }
        return updates;
    }

    private static PublicKey verificationKey(String configured) throws CallbackRejectedException {
        String base64 = configured.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        PublicKey key;
        try {
            key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CallbackRejectedException("The webhook_verification_key is not a Base64 EC public key");
        }
        if (!(key instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new CallbackRejectedException("The webhook_verification_key is not a P-256 key");
        }
        return key;
    }

    private static boolean verifies(PublicKey key, String signed, String signatureBase64) {
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(signed.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signatureBase64.strip()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
