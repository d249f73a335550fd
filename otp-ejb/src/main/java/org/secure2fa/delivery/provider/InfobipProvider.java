package org.secure2fa.delivery.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Locale;
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
 * REJECTED_DND, REJECTED_DESTINATION, REJECTED_INVALID_DESTINATION and
 * REJECTED_DESTINATION_NOT_REGISTERED (the number is malformed, blocked, on a do-not-disturb list or
 * unknown), the configuration for the others (REJECTED_SOURCE, REJECTED_SENDER, REJECTED_NETWORK,
 * REJECTED_NOT_ENOUGH_CREDITS, ...). HTTP errors carry {@code requestError.serviceException}
 * {@code {messageId, text}}: 401 is the configuration's, a 400 whose text is about the destination the
 * recipient's; 429 and 5xx are retried.
 */
@ApplicationScoped
public class InfobipProvider implements DeliveryProvider {

    public static final String ID = "infobip";
    private static final Set<String> RECIPIENT_REJECTIONS = Set.of("REJECTED_PREFIX_MISSING", "REJECTED_DND",
            "REJECTED_DESTINATION", "REJECTED_INVALID_DESTINATION", "REJECTED_DESTINATION_NOT_REGISTERED");

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
        String notifyUrl = SmsSupport.optional(settings, "status_callback_url");
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
        return SmsSupport.send(request, InfobipProvider::map);
    }

    private static DeliveryReceipt map(Answer answer) {
        if (!answer.isSuccess()) {
            return SmsSupport.usual(answer, a -> null, a -> a.status() == 400 && ProviderHttp.pointer(a.json(),
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
}
