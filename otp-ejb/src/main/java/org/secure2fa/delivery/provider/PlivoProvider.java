package org.secure2fa.delivery.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObjectBuilder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
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
 */
@ApplicationScoped
public class PlivoProvider implements DeliveryProvider {

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
        String src = SmsSupport.optional(settings, "src");
        String powerpack = SmsSupport.optional(settings, "powerpack_uuid");
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
        String callback = SmsSupport.optional(settings, "status_callback_url");
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
}
