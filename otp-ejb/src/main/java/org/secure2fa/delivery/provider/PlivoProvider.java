package org.secure2fa.delivery.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObjectBuilder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
 * Plivo's Message API, as its "Send a message" reference documents it:
 * {@code POST /v1/Account/{auth_id}/Message/} on {@code https://api.plivo.com}, HTTP Basic with the
 * Auth ID and Auth Token, a JSON body of {@code src} (a Plivo number or alphanumeric sender ID; or
 * {@code powerpack_uuid} instead), {@code dst}, {@code text} and, when configured, {@code url} and
 * {@code method} for status callbacks. Numbers go as country code and digits without the +, as the
 * documentation's examples write them (Plivo strips + and punctuation anyway). Plivo answers 202 with
 * {@code {api_id, message, message_uuid: [...]}}; the first UUID is the message id.
 *
 * <p>Errors are {@code {api_id, error}} with 400 (a parameter missing or invalid), 401 (authentication
 * failed), 404, 405, 429 or 500. Plivo has no error codes on this API, only text: a 400 whose error
 * names the destination ({@code dst}) blames the recipient; every other 4xx is the configuration's.
 *
 * <p>Message status callbacks ({@code url}) carry {@code MessageUUID}, {@code Status} (delivered is
 * DELIVERED; undelivered, failed and rejected are UNDELIVERED, with {@code ErrorCode}) as form fields.
 * They are verified with Plivo's signature V3, as its "Signature validation - V3" page and SDKs
 * ({@code validate_v3_signature}) define it: the callback URL without its query, then {@code ?} and
 * the query parameters sorted as {@code name=value&...}, then (for a POST with parameters, after a
 * {@code .} when there was a query) every POST parameter's name and value sorted by name, then
 * {@code .} and the {@code X-Plivo-Signature-V3-Nonce}; HMAC-SHA256 with the Auth Token, Base64. The
 * {@code X-Plivo-Signature-V3} (or {@code -Ma-V3}) header may hold several comma-separated signatures.
 * Plivo's messaging pages still describe signature V2 for message callbacks ({@code
 * X-Plivo-Signature-V2}: HMAC-SHA256 of the URL without its query followed by the
 * {@code X-Plivo-Signature-V2-Nonce}); a callback with only V2 headers is accepted only when the channel's
 * {@code callback_signature} is {@code v3_or_v2}: V2 does not cover the parameters (status, message id),
 * so a captured V2 signature could carry any status. The default is V3 only. Plivo's
 * callbacks carry no timestamp, so there is no staleness check.
 */
@ApplicationScoped
public class PlivoProvider implements DeliveryProvider, StatusCallbacks {

    public static final String ID = "plivo";
    static final String API = "https://api.plivo.com";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Plivo";
    }

    @Override
    public Set<ChannelType> channelTypes() {
        return Set.of(ChannelType.SMS);
    }

    @Override
    public List<ProviderSetting> settings() {
        return List.of(
                ProviderSetting.text("auth_id", "Auth ID", true, null),
                ProviderSetting.secret("auth_token", "Auth Token", true),
                ProviderSetting.text("src", "Sender (a Plivo number or an alphanumeric sender ID)", false, null),
                ProviderSetting.text("powerpack_uuid", "Powerpack UUID (instead of a sender)", false, null),
                ProviderSetting.text("status_callback_url", "Status callback URL (this channel's webhook URL)", false, null),
                ProviderSetting.text("base_url", "API base URL", false, API),
                ProviderSetting.text("timeout_ms", "Timeout (ms)", false, "10000"));
    }

    @Override
    public DeliveryReceipt send(DeliveryRequest message, Map<String, String> settings) {
        String authId = ProviderHttp.required(settings, "auth_id");
        String src = ProviderHttp.optional(settings, "src");
        String powerpack = ProviderHttp.optional(settings, "powerpack_uuid");
        if (src == null && powerpack == null) {
            return DeliveryReceipt.rejected("The channel needs a sender (src) or a Powerpack UUID");
        }
        JsonObjectBuilder body = ProviderHttp.object();
        if (src != null) {
            body.add("src", src.startsWith("+") ? SmsSupport.digits(src) : src);
        } else {
            body.add("powerpack_uuid", powerpack);
        }
        body.add("dst", SmsSupport.digits(message.recipient())).add("text", message.body());
        String callback = ProviderHttp.optional(settings, "status_callback_url");
        if (callback != null) {
            body.add("url", callback).add("method", "POST");
        }
        String path = "/v1/Account/" + URLEncoder.encode(authId, StandardCharsets.UTF_8) + "/Message/";
        HttpRequest request = ProviderHttp.request(ProviderHttp.baseUrl(settings, API), path, settings)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("Authorization", ProviderHttp.basicAuth(authId, ProviderHttp.required(settings, "auth_token")))
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString()))
                .build();
        return ProviderHttp.exchange(request,
                answer -> ProviderHttp.pointer(answer.json(), "/message_uuid/0").orElse(null),
                PlivoProvider::blamesDestination);
    }

    private static boolean blamesDestination(Answer answer) {
        String error = ProviderHttp.pointer(answer.json(), "/error").orElse("").toLowerCase(Locale.ROOT);
        return answer.status() == 400 && (error.contains("dst") || error.contains("destination"));
    }

    /** The Auth Token (the same setting the channel sends with), and which signature versions to accept. */
    @Override
    public List<ProviderSetting> callbackSettings() {
        return List.of(ProviderSetting.secret("auth_token", "Auth Token (also signs status callbacks)", true),
                ProviderSetting.choice("callback_signature", "Callback signatures accepted", "v3", "v3", "v3_or_v2"));
    }

    @Override
    public List<StatusUpdate> parse(CallbackRequest request, Map<String, String> settings) throws CallbackRejectedException {
        String token = Webhooks.setting(settings, "auth_token");
        boolean post = "POST".equalsIgnoreCase(request.method());
        List<Map.Entry<String, String>> fields = post ? SmsSupport.formFields(request.body()) : List.of();
        Optional<String> v3 = request.header("X-Plivo-Signature-V3");
        Optional<String> v3Main = request.header("X-Plivo-Signature-Ma-V3");
        Optional<String> v3Nonce = request.header("X-Plivo-Signature-V3-Nonce");
        Optional<String> v2 = request.header("X-Plivo-Signature-V2");
        Optional<String> v2Main = request.header("X-Plivo-Signature-Ma-V2");
        Optional<String> v2Nonce = request.header("X-Plivo-Signature-V2-Nonce");
        boolean valid;
        if ((v3.isPresent() || v3Main.isPresent()) && v3Nonce.isPresent()) {
            String expected = signatureV3(token, post, request.url(), fields, v3Nonce.get());
            valid = matchesAny(expected, v3) | matchesAny(expected, v3Main);
        } else if ("v3_or_v2".equals(ProviderHttp.optional(settings, "callback_signature"))
                && (v2.isPresent() || v2Main.isPresent()) && v2Nonce.isPresent()) {
            String expected = signatureV2(token, request.url(), v2Nonce.get());
            valid = matchesAny(expected, v2) | matchesAny(expected, v2Main);
        } else {
            throw new CallbackRejectedException("Plivo callback without a signature this channel accepts");
        }
        if (!valid) {
            throw new CallbackRejectedException("Plivo callback with a wrong signature");
        }
        Map<String, String> values = new LinkedHashMap<>();
        request.params().forEach((name, list) -> values.put(name, list.isEmpty() ? "" : list.get(0)));
        fields.forEach(field -> values.put(field.getKey(), field.getValue()));
        String uuid = values.get("MessageUUID");
        String status = values.getOrDefault("Status", "").toLowerCase(Locale.ROOT);
        if (uuid == null || uuid.isBlank()) {
            return List.of();
        }
        return switch (status) {
            case "delivered" -> List.of(new StatusUpdate(uuid, StatusUpdate.Kind.DELIVERED, null));
            case "undelivered", "failed", "rejected" -> List.of(new StatusUpdate(uuid, StatusUpdate.Kind.UNDELIVERED,
                    "Plivo " + status + (values.containsKey("ErrorCode") ? ", ErrorCode " + values.get("ErrorCode") : "")));
            default -> List.of();
        };
    }

    private static boolean matchesAny(String expected, Optional<String> header) {
        boolean match = false;
        for (String candidate : header.orElse("").split(",")) {
            match |= Webhooks.sameSecret(expected, candidate.strip());
        }
        return match;
    }

    /** Signature V3 of a callback, as Plivo's SDKs compute it. */
    static String signatureV3(String authToken, boolean post, String url, List<Map.Entry<String, String>> fields,
                              String nonce) throws CallbackRejectedException {
        String base = withoutQuery(url);
        String query = SmsSupport.sorted(SmsSupport.formFields(queryOf(url))).stream()
                .map(field -> field.getKey() + "=" + field.getValue()).collect(Collectors.joining("&"));
        StringBuilder data = new StringBuilder(base);
        boolean withParams = post && !fields.isEmpty();
        if (!query.isEmpty() || withParams) {
            data.append('?').append(query);
        }
        if (!query.isEmpty() && withParams) {
            data.append('.');
        }
        if (post) {
            for (Map.Entry<String, String> field : SmsSupport.sorted(fields)) {
                data.append(field.getKey()).append(field.getValue());
            }
        }
        data.append('.').append(nonce);
        return Base64.getEncoder().encodeToString(SmsSupport.hmac("HmacSHA256", authToken, data.toString()));
    }

    /** Signature V2: the URL without its query, then the nonce. */
    static String signatureV2(String authToken, String url, String nonce) {
        return Base64.getEncoder().encodeToString(SmsSupport.hmac("HmacSHA256", authToken, withoutQuery(url) + nonce));
    }

    private static String withoutQuery(String url) {
        int end = url.length();
        for (char c : new char[] {'?', '#'}) {
            int at = url.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return url.substring(0, end);
    }

    private static String queryOf(String url) {
        int fragment = url.indexOf('#');
        String withoutFragment = fragment < 0 ? url : url.substring(0, fragment);
        int query = withoutFragment.indexOf('?');
        return query < 0 ? "" : withoutFragment.substring(query + 1);
    }
}
