package org.secure2fa.delivery.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.secure2fa.delivery.control.SmsText;
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
 * Vonage's (formerly Nexmo's) SMS API, as its API reference documents it: {@code POST /sms/json} on
 * {@code https://rest.nexmo.com}, an application/x-www-form-urlencoded body of {@code api_key},
 * {@code api_secret}, {@code from} (a number or alphanumeric sender ID), {@code to} (E.164 digits,
 * without the +), {@code text}, {@code type=unicode} when the text is not GSM-7 (see {@link SmsText}),
 * {@code client-ref} (the delivery id) and, when configured, {@code callback} for delivery receipts.
 *
 * <p>Vonage answers 200 even for a refusal: {@code {"message-count", "messages": [{"status",
 * "message-id", "error-text", ...}]}}, one entry per part of a long text. Status "0" is success and
 * the first part's {@code message-id} is the message id. The other statuses follow Vonage's "SMS API
 * error codes" table: 1 throttled, 5 internal error and 10 too many binds are retried; 6 invalid message
 * (e.g. an unrecognised number prefix), 7 number barred and 33 number de-activated blame the recipient;
 * the rest (2 missing and 3 invalid parameters, 4 invalid credentials, 8 account barred, 9 no credit,
 * 11, 12 message too long, 14 invalid signature, 15 invalid sender address, 22 invalid network code,
 * 23 invalid callback URL, 29 non-whitelisted destination of a trial account, 32) are the
 * configuration's. A non-200 answer is mapped the usual way; a 200 without messages was taken, as any
 * provider's 2xx of an unexpected shape is ({@link ProviderHttp#deliver}).
 *
 * <p>Delivery receipts are verified as Vonage's "Signing messages" guide and its SDKs' request signing
 * define it, once the account has signed webhooks enabled: every parameter but {@code sig} that has a
 * value, sorted by name, written as {@code &name=value} with any {@code &} or {@code =} inside names
 * and values replaced by {@code _}; then for the default "MD5 hash" method the MD5 of that string
 * followed by the signature secret, for the HMAC methods (MD5, SHA-1, SHA-256, SHA-512) the HMAC of
 * the string keyed with the signature secret; in hex, compared without regard to case. The receipt's
 * own {@code timestamp} (Unix seconds) must be within 10 minutes. Parameters come as the query or a
 * form body, or as a JSON body. {@code messageId} is the message; {@code status} delivered is
 * DELIVERED; failed, rejected and expired are UNDELIVERED (with {@code err-code}); accepted, buffered
 * and unknown are skipped. A long text's parts each have their own message id, so only the first
 * part's receipt finds the delivery.
 */
@ApplicationScoped
public class VonageProvider implements DeliveryProvider, StatusCallbacks {

    public static final String ID = "vonage";
    static final String API = "https://rest.nexmo.com";
    private static final Set<String> TRANSIENT = Set.of("1", "5", "10");
    private static final Set<String> RECIPIENT = Set.of("6", "7", "33");
    private static final Map<String, String> HMACS = Map.of("md5", "HmacMD5", "sha1", "HmacSHA1", "sha256", "HmacSHA256",
            "sha512", "HmacSHA512");

    /** The time receipts are checked against; tests fix it. */
    Clock clock = Clock.systemUTC();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Vonage (SMS API)";
    }

    @Override
    public Set<ChannelType> channelTypes() {
        return Set.of(ChannelType.SMS);
    }

    @Override
    public List<ProviderSetting> settings() {
        return List.of(
                ProviderSetting.text("api_key", "API key", true, null),
                ProviderSetting.secret("api_secret", "API secret", true),
                ProviderSetting.text("from", "From (a number in E.164 or an alphanumeric sender ID)", true, null),
                ProviderSetting.text("status_callback_url", "Delivery receipt URL (this channel's webhook URL)", false, null),
                ProviderSetting.text("base_url", "API base URL", false, API),
                ProviderSetting.text("timeout_ms", "Timeout (ms)", false, "10000"));
    }

    @Override
    public DeliveryReceipt send(DeliveryRequest message, Map<String, String> settings) {
        String from = ProviderHttp.required(settings, "from");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", ProviderHttp.required(settings, "api_key"));
        form.put("api_secret", ProviderHttp.required(settings, "api_secret"));
        form.put("from", from.startsWith("+") ? SmsSupport.digits(from) : from);
        form.put("to", SmsSupport.digits(message.recipient()));
        form.put("text", message.body());
        form.put("type", SmsText.of(message.body()).isUnicode() ? "unicode" : null);
        form.put("client-ref", Long.toString(message.deliveryId()));
        form.put("callback", ProviderHttp.optional(settings, "status_callback_url"));
        HttpRequest request = ProviderHttp.request(ProviderHttp.baseUrl(settings, API), "/sms/json", settings)
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(ProviderHttp.form(form)))
                .build();
        return ProviderHttp.deliver(request, VonageProvider::map);
    }

    private static DeliveryReceipt map(Answer answer) {
        if (!answer.isSuccess()) {
            return ProviderHttp.usual(answer, a -> null, a -> false);
        }
        JsonObject json = answer.json();
        JsonArray messages = json.containsKey("messages") && json.get("messages").getValueType() == JsonValue.ValueType.ARRAY
                ? json.getJsonArray("messages") : JsonValue.EMPTY_JSON_ARRAY;
        if (messages.isEmpty()) {
            return DeliveryReceipt.accepted(null);
        }
        for (int i = 0; i < messages.size(); i++) {
            String status = ProviderHttp.pointer(json, "/messages/" + i + "/status").orElse("");
            if (!status.equals("0")) {
                String detail = "Vonage status " + status + ": "
                        + ProviderHttp.pointer(json, "/messages/" + i + "/error-text").orElse("(no error text)");
                if (TRANSIENT.contains(status)) {
                    return DeliveryReceipt.retry(detail);
                }
                return RECIPIENT.contains(status) ? DeliveryReceipt.rejectedRecipient(detail) : DeliveryReceipt.rejected(detail);
            }
        }
        return DeliveryReceipt.accepted(ProviderHttp.pointer(json, "/messages/0/message-id").orElse(null));
    }

    @Override
    public List<ProviderSetting> callbackSettings() {
        return List.of(ProviderSetting.secret("signature_secret", "Signature secret (Vonage dashboard, API settings)", true),
                ProviderSetting.choice("signature_method", "Signature method", "md5hash", "md5hash", "md5", "sha1", "sha256",
                        "sha512"));
    }

    @Override
    public List<StatusUpdate> parse(CallbackRequest request, Map<String, String> settings) throws CallbackRejectedException {
        String secret = Webhooks.setting(settings, "signature_secret");
        String method = ProviderHttp.optional(settings, "signature_method");
        Map<String, String> values = values(request);
        String sig = values.get("sig");
        if (sig == null || sig.isBlank()) {
            throw new CallbackRejectedException("Vonage receipt without sig (are signed webhooks enabled?)");
        }
        Webhooks.requireFresh(values.get("timestamp"), clock);
        String expected = signature(values, secret, method == null ? "md5hash" : method);
        if (!Webhooks.sameSecret(expected, sig.strip().toLowerCase(Locale.ROOT))) {
            throw new CallbackRejectedException("Vonage receipt with a wrong signature");
        }
        String messageId = values.get("messageId");
        String status = values.getOrDefault("status", "").toLowerCase(Locale.ROOT);
        if (messageId == null || messageId.isBlank()) {
            return List.of();
        }
        return switch (status) {
            case "delivered" -> List.of(new StatusUpdate(messageId, StatusUpdate.Kind.DELIVERED, null));
            case "failed", "rejected", "expired" -> List.of(new StatusUpdate(messageId, StatusUpdate.Kind.UNDELIVERED,
                    "Vonage " + status + (values.containsKey("err-code") ? ", err-code " + values.get("err-code") : "")));
            default -> List.of();
        };
    }

    /** The receipt's parameters: a JSON body's fields, or the query and form fields. */
    private static Map<String, String> values(CallbackRequest request) throws CallbackRejectedException {
        Map<String, String> values = new LinkedHashMap<>();
        request.params().forEach((name, list) -> values.put(name, list.isEmpty() ? "" : list.get(0)));
        String type = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            JsonObject json = ProviderHttp.parseJson(request.body());
            json.forEach((name, value) -> values.put(name, value.getValueType() == JsonValue.ValueType.STRING
                    ? json.getString(name) : value.toString()));
        } else if (type.contains("x-www-form-urlencoded")) {
            SmsSupport.formFields(request.body()).forEach(field -> values.putIfAbsent(field.getKey(), field.getValue()));
        }
        return values;
    }

    /** The lower-case hex signature of the parameters, as Vonage's request signing computes it. */
    static String signature(Map<String, String> values, String secret, String method) {
        Map<String, String> sorted = new TreeMap<>();
        values.forEach((name, value) -> {
            if (!name.equals("sig") && value != null && !value.isBlank()) {
                sorted.put(name, value);
            }
        });
        StringBuilder data = new StringBuilder();
        sorted.forEach((name, value) -> data.append('&').append(clean(name)).append('=').append(clean(value)));
        String algorithm = HMACS.get(method.toLowerCase(Locale.ROOT));
        byte[] hash = algorithm == null ? SmsSupport.digest("MD5", data + secret)
                : SmsSupport.hmac(algorithm, secret, data.toString());
        return HexFormat.of().formatHex(hash);
    }

    private static String clean(String text) {
        return text.replace('&', '_').replace('=', '_');
    }
}
