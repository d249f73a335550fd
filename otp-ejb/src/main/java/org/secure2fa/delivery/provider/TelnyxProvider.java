package org.secure2fa.delivery.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
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
 *
 * <p>Webhooks are verified as Telnyx documents them: {@code telnyx-signature-ed25519} is the Base64
 * Ed25519 signature of {@code telnyx-timestamp + "|" + raw body}, checked with the account's public key
 * (Mission Control, "Public Key": Base64 of the raw 32-byte key; an X.509-encoded key is accepted too).
 * The timestamp (Unix seconds) must be within 10 minutes. Only {@code message.finalized} events count:
 * {@code data.payload.id} is the message, {@code data.payload.to[0].status} delivered is DELIVERED,
 * delivery_failed and sending_failed are UNDELIVERED (with the first of {@code data.payload.errors});
 * delivery_unconfirmed and other events are skipped.
 */
@ApplicationScoped
public class TelnyxProvider implements DeliveryProvider, StatusCallbacks {

    public static final String ID = "telnyx";
    static final String API = "https://api.telnyx.com";
    private static final Set<String> RECIPIENT_CODES = Set.of("40001", "40012", "40300", "40310");
    /** The DER header of an X.509 SubjectPublicKeyInfo for Ed25519, before the 32 raw key bytes. */
    private static final byte[] ED25519_X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /** The time webhooks are checked against; tests fix it. */
    Clock clock = Clock.systemUTC();

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
        String from = ProviderHttp.optional(settings, "from");
        String profile = ProviderHttp.optional(settings, "messaging_profile_id");
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
        String webhook = ProviderHttp.optional(settings, "status_callback_url");
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

    @Override
    public List<ProviderSetting> callbackSettings() {
        return List.of(ProviderSetting.text("webhook_public_key", "Webhook public key (Base64, from Mission Control)", true, null));
    }

    @Override
    public List<StatusUpdate> parse(CallbackRequest request, Map<String, String> settings) throws CallbackRejectedException {
        String keyText = Webhooks.setting(settings, "webhook_public_key");
        String signature = request.header("telnyx-signature-ed25519")
                .orElseThrow(() -> new CallbackRejectedException("Telnyx webhook without telnyx-signature-ed25519"));
        String timestamp = request.header("telnyx-timestamp")
                .orElseThrow(() -> new CallbackRejectedException("Telnyx webhook without telnyx-timestamp"));
        Webhooks.requireFresh(timestamp, clock);
        String body = request.body() == null ? "" : request.body();
        if (!verifies(publicKey(keyText), timestamp.strip() + "|" + body, signature.strip())) {
            throw new CallbackRejectedException("Telnyx webhook with a wrong signature");
        }
        JsonObject json = ProviderHttp.parseJson(body);
        if (!"message.finalized".equals(ProviderHttp.pointer(json, "/data/event_type").orElse(""))) {
            return List.of();
        }
        String id = ProviderHttp.pointer(json, "/data/payload/id").orElse("");
        String status = ProviderHttp.pointer(json, "/data/payload/to/0/status").orElse("").toLowerCase(Locale.ROOT);
        if (id.isBlank()) {
            return List.of();
        }
        return switch (status) {
            case "delivered" -> List.of(new StatusUpdate(id, StatusUpdate.Kind.DELIVERED, null));
            case "delivery_failed", "sending_failed" -> {
                String code = ProviderHttp.pointer(json, "/data/payload/errors/0/code").orElse(null);
                String title = ProviderHttp.pointer(json, "/data/payload/errors/0/title").orElse(null);
                yield List.of(new StatusUpdate(id, StatusUpdate.Kind.UNDELIVERED, "Telnyx " + status
                        + (code == null ? "" : ", error " + code) + (title == null ? "" : " " + title)));
            }
            default -> List.of();
        };
    }

    /** The account's Ed25519 public key from its Base64 text: the raw 32 bytes, or X.509-encoded. */
    static PublicKey publicKey(String base64) throws CallbackRejectedException {
        try {
            byte[] key = Base64.getDecoder().decode(base64.strip());
            byte[] encoded = key;
            if (key.length == 32) {
                encoded = new byte[ED25519_X509_PREFIX.length + 32];
                System.arraycopy(ED25519_X509_PREFIX, 0, encoded, 0, ED25519_X509_PREFIX.length);
                System.arraycopy(key, 0, encoded, ED25519_X509_PREFIX.length, 32);
            }
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new CallbackRejectedException("The channel's webhook_public_key is not an Ed25519 public key");
        }
    }

    private static boolean verifies(PublicKey key, String signed, String signatureBase64) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(signed.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
