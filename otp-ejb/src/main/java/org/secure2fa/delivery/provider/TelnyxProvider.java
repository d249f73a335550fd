package org.secure2fa.delivery.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.secure2fa.delivery.provider.http.ProviderHttp;
import org.secure2fa.delivery.provider.http.ProviderHttp.Answer;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.delivery.spi.DeliveryProvider;
import org.secure2fa.delivery.spi.DeliveryReceipt;
import org.secure2fa.delivery.spi.DeliveryRequest;
import org.secure2fa.delivery.spi.ProviderSetting;

/**
 * Telnyx Messaging API v2, "Send a message" as Telnyx documents it: {@code POST /v2/messages} on
 * {@code https://api.telnyx.com}, {@code Authorization: Bearer <API key>}, a JSON body of {@code from}
 * (a Telnyx number in +E.164, or an alphanumeric sender ID), {@code to} (+E.164), {@code text} and,
 * when configured, {@code messaging_profile_id} (which may replace {@code from} with its number pool)
 * and {@code webhook_url}. The answer is {@code {"data": {"id", "record_type": "message", ...}}};
 * {@code data.id} is the message id.
 *
 * <p>Errors are {@code {"errors": [{"code", "title", "detail", "source": {"pointer"}}]}}. These blame
 * the recipient: 40001 (not routable: landline or non-routable number), 40012 (invalid destination
 * number), 40300 (blocked because the recipient sent STOP), 40310 (invalid 'to' address), and any
 * error whose source pointer is {@code /to}. Others (10009 authentication failed, 40013 invalid source
 * number, 40305 invalid 'from' address, ...) are the configuration's; 429 and 5xx are retried.
 */
@ApplicationScoped
public class TelnyxProvider implements DeliveryProvider {

    public static final String ID = "telnyx";
    static final String API = "https://api.telnyx.com";
    private static final Set<String> RECIPIENT_CODES = Set.of("40001", "40012", "40300", "40310");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Telnyx";
    }

    @Override
    public Set<ChannelType> channelTypes() {
        return Set.of(ChannelType.SMS);
    }

    @Override
    public List<ProviderSetting> settings() {
        return List.of(
                ProviderSetting.secret("api_key", "API key", true),
                ProviderSetting.text("from", "From (a Telnyx number in +E.164 or an alphanumeric sender ID)", false, null),
                ProviderSetting.text("messaging_profile_id", "Messaging profile ID (instead of, or with, From)", false, null),
                ProviderSetting.text("status_callback_url", "Webhook URL (this channel's webhook URL)", false, null),
                ProviderSetting.text("base_url", "API base URL", false, API),
                ProviderSetting.text("timeout_ms", "Timeout (ms)", false, "10000"));
    }

    @Override
    public DeliveryReceipt send(DeliveryRequest message, Map<String, String> settings) {
        String from = SmsSupport.optional(settings, "from");
        String profile = SmsSupport.optional(settings, "messaging_profile_id");
        if (from == null && profile == null) {
            return DeliveryReceipt.rejected("The channel needs a From number or a messaging profile ID");
        }
        JsonObjectBuilder body = ProviderHttp.object();
        if (from != null) {
            body.add("from", from);
        }
        body.add("to", message.recipient()).add("text", message.body());
        if (profile != null) {
            body.add("messaging_profile_id", profile);
        }
        String webhook = SmsSupport.optional(settings, "status_callback_url");
        if (webhook != null) {
            body.add("webhook_url", webhook);
        }
        HttpRequest request = ProviderHttp.request(ProviderHttp.baseUrl(settings, API), "/v2/messages", settings)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + ProviderHttp.required(settings, "api_key"))
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString()))
                .build();
        return ProviderHttp.exchange(request,
                answer -> ProviderHttp.pointer(answer.json(), "/data/id").orElse(null),
                TelnyxProvider::blamesRecipient);
    }

    private static boolean blamesRecipient(Answer answer) {
        JsonObject json = answer.json();
        if (!json.containsKey("errors") || json.get("errors").getValueType() != JsonValue.ValueType.ARRAY) {
            return false;
        }
        JsonArray errors = json.getJsonArray("errors");
        for (int i = 0; i < errors.size(); i++) {
            String code = ProviderHttp.pointer(json, "/errors/" + i + "/code").orElse("");
            String pointer = ProviderHttp.pointer(json, "/errors/" + i + "/source/pointer").orElse("");
            if (RECIPIENT_CODES.contains(code) || pointer.equals("/to")) {
                return true;
            }
        }
        return false;
    }
}
