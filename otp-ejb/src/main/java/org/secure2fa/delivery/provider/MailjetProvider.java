package org.secure2fa.delivery.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.secure2fa.delivery.provider.http.ProviderHttp;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.delivery.spi.DeliveryProvider;
import org.secure2fa.delivery.spi.DeliveryReceipt;
import org.secure2fa.delivery.spi.DeliveryRequest;
import org.secure2fa.delivery.spi.ProviderSetting;

/**
 * Mailjet's Send API v3.1, as its guide documents it: {@code POST /v3.1/send} on
 * {@code https://api.mailjet.com} with HTTP Basic authentication (API key as user, secret key as
 * password) and a JSON body {@code {"Messages":[{"From":{"Email","Name"},"To":[{"Email"}],"Subject",
 * "TextPart","HTMLPart"}]}}.
 *
 * <p>The answer reports each message on its own: {@code Messages[0].Status} is {@code success} or
 * {@code error}. A successful message carries, per recipient, {@code To[0].MessageUUID} and the numeric
 * {@code To[0].MessageID}; the latter is kept, since it is the id the message API and the Event API
 * ({@code MessageID} in events) use. A failed one carries {@code Errors[]} of {@code {ErrorIdentifier,
 * ErrorCode, StatusCode, ErrorMessage, ErrorRelatedTo}}; error code {@code mj-0013} ("… is an invalid
 * email address") related to {@code To[…]} blames the recipient, every other error (for example
 * {@code mj-0013} on {@code From.Email}, an unauthorised sender, a 401 "API key authentication/authorization
 * failure") the configuration. Message errors whose {@code StatusCode} is 429 or 5xx, and HTTP 408,
 * 425, 429 and 5xx, are retried. The message status is read whatever the HTTP status, so a
 * {@code Status: "error"} in a 200 is not taken for a success.
 */
@ApplicationScoped
public class MailjetProvider implements DeliveryProvider {

    public static final String ID = "mailjet";
    static final String API = "https://api.mailjet.com";
    static final String INVALID_ADDRESS = "mj-0013";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Mailjet";
    }

    @Override
    public Set<ChannelType> channelTypes() {
        return Set.of(ChannelType.EMAIL);
    }

    @Override
    public List<ProviderSetting> settings() {
        return List.of(
                ProviderSetting.text("api_key", "API key", true, null),
                ProviderSetting.secret("secret_key", "Secret key", true),
                ProviderSetting.text("from", "From address (a validated sender)", true, null),
                ProviderSetting.text("from_name", "From name", false, null),
                ProviderSetting.text("base_url", "API base URL", false, API),
                ProviderSetting.text("timeout_ms", "Timeout (ms)", false, "10000"));
    }

    @Override
    public DeliveryReceipt send(DeliveryRequest message, Map<String, String> settings) {
        JsonObjectBuilder from = ProviderHttp.object().add("Email", ProviderHttp.required(settings, "from"));
        String fromName = ProviderHttp.optional(settings, "from_name");
        if (fromName != null) {
            from.add("Name", fromName);
        }
        JsonObjectBuilder mail = ProviderHttp.object()
                .add("From", from)
                .add("To", ProviderHttp.JSON.createArrayBuilder().add(ProviderHttp.object().add("Email", message.recipient())))
                .add("Subject", message.subject() == null ? "" : message.subject())
                .add("TextPart", message.body());
        if (message.htmlBody() != null && !message.htmlBody().isBlank()) {
            mail.add("HTMLPart", message.htmlBody());
        }
        JsonObject body = ProviderHttp.object()
                .add("Messages", ProviderHttp.JSON.createArrayBuilder().add(mail))
                .build();
        HttpRequest request = ProviderHttp.request(ProviderHttp.baseUrl(settings, API), "/v3.1/send", settings)
                .header("Authorization", ProviderHttp.basicAuth(ProviderHttp.required(settings, "api_key"),
                        ProviderHttp.required(settings, "secret_key")))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return ProviderHttp.deliver(request, MailjetProvider::read);
    }

    static DeliveryReceipt read(ProviderHttp.Answer answer) {
        JsonObject json = answer.json();
        String status = ProviderHttp.pointer(json, "/Messages/0/Status").orElse("");
        // Mailjet's message status is "success" or "error"; a 2xx of any other shape was still taken.
        if (answer.isSuccess() && !status.equalsIgnoreCase("error")) {
            return DeliveryReceipt.accepted(ProviderHttp.pointer(json, "/Messages/0/To/0/MessageID")
                    .or(() -> ProviderHttp.pointer(json, "/Messages/0/To/0/MessageUUID")).orElse(null));
        }
        if (answer.isTransient()) {
            return DeliveryReceipt.retry(answer.describe());
        }
        List<JsonObject> errors = errors(json);
        if (errors.stream().anyMatch(MailjetProvider::transientError)) {
            return DeliveryReceipt.retry(answer.describe());
        }
        if (!errors.isEmpty() && errors.stream().allMatch(MailjetProvider::recipientError)) {
            return DeliveryReceipt.rejectedRecipient(answer.describe());
        }
        return DeliveryReceipt.rejected(answer.describe());
    }

    private static List<JsonObject> errors(JsonObject json) {
        try {
            JsonValue errors = ProviderHttp.JSON.createPointer("/Messages/0/Errors").getValue(json);
            return errors.asJsonArray().stream().filter(e -> e.getValueType() == JsonValue.ValueType.OBJECT)
                    .map(JsonValue::asJsonObject).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static boolean transientError(JsonObject error) {
        int code = error.getInt("StatusCode", 0);
        return code == 429 || code >= 500;
    }

    private static boolean recipientError(JsonObject error) {
        if (!INVALID_ADDRESS.equals(error.getString("ErrorCode", ""))) {
            return false;
        }
        JsonValue related = error.get("ErrorRelatedTo");
        if (related == null || related.getValueType() != JsonValue.ValueType.ARRAY) {
            return false;
        }
        return related.asJsonArray().stream()
                .filter(v -> v.getValueType() == JsonValue.ValueType.STRING)
                .map(v -> ((jakarta.json.JsonString) v).getString())
                .anyMatch(path -> path.startsWith("To"));
    }
}
