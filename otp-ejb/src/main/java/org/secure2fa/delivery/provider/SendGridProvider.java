package org.secure2fa.delivery.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
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
 */
@ApplicationScoped
public class SendGridProvider implements DeliveryProvider {

    public static final String ID = "sendgrid";
    static final String API = "https://api.sendgrid.com";
    private static final Pattern RECIPIENT_FIELD = Pattern.compile("personalizations\\.\\d+\\.to\\.\\d+\\.email");

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
        String fromName = settings.get("from_name");
        if (fromName != null && !fromName.isBlank()) {
            from.add("name", fromName.strip());
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
}
