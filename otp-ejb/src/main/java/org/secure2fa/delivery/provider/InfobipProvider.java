package org.secure2fa.delivery.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.secure2fa.delivery.provider.http.ProviderHttp;
import org.secure2fa.delivery.provider.http.ProviderHttp.Answer;
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
 * Infobip's SMS API, "Send SMS message" as its reference documents it: {@code POST /sms/2/text/advanced}
 * on the account's own base URL ({@code https://{subdomain}.api.infobip.com}, shown in the Infobip
 * portal, hence required), {@code Authorization: App <api key>}, a JSON body
 * {@code {"messages": [{"from", "destinations": [{"to"}], "text", "callbackData"}]}} with the number in
 * international format without the + and, when configured, {@code notifyUrl} and
 * {@code notifyContentType: application/json} for delivery reports. The answer is
 * {@code {"bulkId", "messages": [{"to", "messageId", "status": {"groupId", "groupName", "id", "name",
 * "description"}}]}}; {@code messages[0].messageId} is the message id.
 *
 * <p>Infobip answers 200 with a status per message: the PENDING group (and ACCEPTED, DELIVERED) is
 * accepted; the REJECTED group (5) is final, and blames the recipient for REJECTED_PREFIX_MISSING,
 * REJECTED_DND, REJECTED_DESTINATION and REJECTED_INVALID_DESTINATION (the number is malformed,
 * blocked, on a do-not-disturb list or unknown), the configuration for the others (REJECTED_SOURCE,
 * REJECTED_SENDER, REJECTED_NETWORK, REJECTED_NOT_ENOUGH_CREDITS, ...), among them
 * REJECTED_DESTINATION_NOT_REGISTERED: a free trial account may only send to the numbers registered
 * with it, so that answer says the account is a test account, not that the number is wrong, and the
 * message fails over to the next channel. HTTP errors carry {@code requestError.serviceException}
 * {@code {messageId, text}}: 401 is the configuration's, a 400 whose text is about the destination the
 * recipient's; 429 and 5xx are retried.
 *
 * <p>Delivery reports ({@code notifyUrl}, JSON {@code {"results": [{"messageId", "status":
 * {"groupName", "name", ...}, "error": {...}}]}}) are not signed by Infobip. They are authenticated with
 * HTTP Basic credentials the owner chooses: Infobip's Subscriptions Management lets a notification
 * profile carry security settings of type BASIC (username and password), which Infobip sends as an
 * {@code Authorization: Basic} header; credentials written into the notify URL
 * ({@code https://user:password@host/...}) reach us as the same header. The header must match the
 * channel's {@code webhook_username} and {@code webhook_password}. Status group DELIVERED is DELIVERED;
 * UNDELIVERABLE, REJECTED and EXPIRED are UNDELIVERED; PENDING is skipped. There is no timestamp to
 * check for staleness.
 */
@ApplicationScoped
public class InfobipProvider implements DeliveryProvider, StatusCallbacks {

    public static final String ID = "infobip";
    private static final Set<String> RECIPIENT_REJECTIONS = Set.of("REJECTED_PREFIX_MISSING", "REJECTED_DND",
            "REJECTED_DESTINATION", "REJECTED_INVALID_DESTINATION");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Infobip";
    }

    @Override
    public Set<ChannelType> channelTypes() {
        return Set.of(ChannelType.SMS);
    }

    @Override
    public List<ProviderSetting> settings() {
        return List.of(
                ProviderSetting.secret("api_key", "API key", true),
                ProviderSetting.text("from", "Sender (an alphanumeric sender ID or a number)", true, null),
                ProviderSetting.text("status_callback_url", "Delivery report URL (this channel's webhook URL)", false, null),
                ProviderSetting.text("base_url", "Your API base URL (https://{subdomain}.api.infobip.com)", true, null),
                ProviderSetting.text("timeout_ms", "Timeout (ms)", false, "10000"));
    }

    @Override
    public DeliveryReceipt send(DeliveryRequest message, Map<String, String> settings) {
        String baseUrl = ProviderHttp.baseUrl(Map.of("base_url", ProviderHttp.required(settings, "base_url")), "");
        String from = ProviderHttp.required(settings, "from");
        JsonObjectBuilder sms = ProviderHttp.object()
                .add("from", from.startsWith("+") ? SmsSupport.digits(from) : from)
                .add("destinations", ProviderHttp.JSON.createArrayBuilder()
                        .add(ProviderHttp.object().add("to", SmsSupport.digits(message.recipient()))))
                .add("text", message.body())
                .add("callbackData", Long.toString(message.deliveryId()));
        String notifyUrl = ProviderHttp.optional(settings, "status_callback_url");
        if (notifyUrl != null) {
            sms.add("notifyUrl", notifyUrl).add("notifyContentType", "application/json");
        }
        JsonObject body = ProviderHttp.object().add("messages", ProviderHttp.JSON.createArrayBuilder().add(sms)).build();
        HttpRequest request = ProviderHttp.request(baseUrl, "/sms/2/text/advanced", settings)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("Authorization", "App " + ProviderHttp.required(settings, "api_key"))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return ProviderHttp.deliver(request, InfobipProvider::map);
    }

    private static DeliveryReceipt map(Answer answer) {
        if (!answer.isSuccess()) {
            return ProviderHttp.usual(answer, a -> null, a -> a.status() == 400 && ProviderHttp.pointer(a.json(),
                    "/requestError/serviceException/text").orElse("").toLowerCase(Locale.ROOT).contains("destination"));
        }
        JsonObject json = answer.json();
        String group = ProviderHttp.pointer(json, "/messages/0/status/groupName").orElse("");
        if (group.equals("REJECTED")) {
            String name = ProviderHttp.pointer(json, "/messages/0/status/name").orElse("");
            String detail = "Infobip " + name + ": " + ProviderHttp.pointer(json, "/messages/0/status/description").orElse("");
            return RECIPIENT_REJECTIONS.contains(name) ? DeliveryReceipt.rejectedRecipient(detail) : DeliveryReceipt.rejected(detail);
        }
        return DeliveryReceipt.accepted(ProviderHttp.pointer(json, "/messages/0/messageId").orElse(null));
    }

    @Override
    public List<ProviderSetting> callbackSettings() {
        return List.of(ProviderSetting.text("webhook_username", "Delivery report username (HTTP Basic)", true, null),
                ProviderSetting.secret("webhook_password", "Delivery report password (HTTP Basic)", true));
    }

    @Override
    public List<StatusUpdate> parse(CallbackRequest request, Map<String, String> settings) throws CallbackRejectedException {
        String expected = Webhooks.setting(settings, "webhook_username") + ":" + Webhooks.setting(settings, "webhook_password");
        String authorization = request.header("Authorization")
                .orElseThrow(() -> new CallbackRejectedException("Infobip report without credentials")).strip();
        if (authorization.length() < 6 || !authorization.substring(0, 6).equalsIgnoreCase("Basic ")) {
            throw new CallbackRejectedException("Infobip report without Basic credentials");
        }
        String given;
        try {
            given = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new CallbackRejectedException("Infobip report with malformed Basic credentials");
        }
        if (!Webhooks.sameSecret(expected, given)) {
            throw new CallbackRejectedException("Infobip report with wrong credentials");
        }
        JsonObject json = ProviderHttp.parseJson(request.body());
        if (!json.containsKey("results") || json.get("results").getValueType() != JsonValue.ValueType.ARRAY) {
            return List.of();
        }
        JsonArray results = json.getJsonArray("results");
        List<StatusUpdate> updates = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            String at = "/results/" + i;
            String messageId = ProviderHttp.pointer(json, at + "/messageId").orElse("");
            String group = ProviderHttp.pointer(json, at + "/status/groupName").orElse("");
            if (messageId.isBlank()) {
                continue;
            }
            switch (group) {
                case "DELIVERED" -> updates.add(new StatusUpdate(messageId, StatusUpdate.Kind.DELIVERED, null));
                case "UNDELIVERABLE", "REJECTED", "EXPIRED" -> updates.add(new StatusUpdate(messageId, StatusUpdate.Kind.UNDELIVERED,
                        "Infobip " + ProviderHttp.pointer(json, at + "/status/name").orElse(group)
                                + ProviderHttp.pointer(json, at + "/error/name").map(error -> ", " + error).orElse("")));
                default -> {
                    // PENDING and anything new: not final.
                }
            }
        }
        return updates;
    }
}
