package org.secure2fa.delivery.provider;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * Twilio Programmable Messaging, as Twilio's Message resource documents it:
 * {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json} on {@code https://api.twilio.com}, HTTP
 * Basic with the Account SID and Auth Token, an application/x-www-form-urlencoded body of {@code To}
 * (E.164), {@code From} (a Twilio number or alphanumeric sender ID) and/or {@code MessagingServiceSid},
 * {@code Body} and, when configured, {@code StatusCallback}. Twilio answers 201 Created with the
 * Message resource; its {@code sid} is the message id.
 *
 * <p>Errors come as JSON {@code {code, message, more_info, status}}. These codes blame the recipient
 * and are final for every provider: 21211 (invalid 'To' number), 21214 ('To' cannot be reached), 21217
 * (number not valid), 21610 (the recipient unsubscribed with STOP), 21612 ('To' not reachable by SMS)
 * and 21614 ('To' is not a mobile number). Other 4xx answers (20003 authentication, 21606 'From' not
 * SMS-capable, 21608 unverified number on a trial account, 21408 region not enabled) are the
 * configuration's; 429 (20429) and 5xx are retried.
 *
 * <p>Status callbacks (the {@code StatusCallback} URL) are verified as Twilio's "Webhooks security"
 * page documents: {@code X-Twilio-Signature} is the Base64 HMAC-SHA1, keyed with the Auth Token, of
 * the full URL Twilio called followed by every POST parameter's name and value, sorted by name (no
 * separators). As Twilio's own validators do, the URL is also tried with its default port added or
 * removed. {@code MessageSid} is the message; {@code MessageStatus} delivered is DELIVERED,
 * undelivered and failed are UNDELIVERED (with Twilio's {@code ErrorCode}); other statuses (queued,
 * sent, ...) are skipped. Twilio's callbacks carry no timestamp, so there is no staleness check.
 */
@ApplicationScoped
public class TwilioProvider implements DeliveryProvider, StatusCallbacks {

    public static final String ID = "twilio";
    static final String API = "https://api.twilio.com";
    private static final Set<String> RECIPIENT_CODES = Set.of("21211", "21214", "21217", "21610", "21612", "21614");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Twilio";
    }

    @Override
    public Set<ChannelType> channelTypes() {
        return Set.of(ChannelType.SMS);
    }

    @Override
    public List<ProviderSetting> settings() {
        return List.of(
                ProviderSetting.text("account_sid", "Account SID", true, null),
                ProviderSetting.secret("auth_token", "Auth Token", true),
                ProviderSetting.text("from", "From (a Twilio number in E.164 or an alphanumeric sender ID)", false, null),
                ProviderSetting.text("messaging_service_sid", "Messaging Service SID (instead of, or with, From)", false, null),
                ProviderSetting.text("status_callback_url", "Status callback URL (this channel's webhook URL)", false, null),
                ProviderSetting.text("base_url", "API base URL", false, API),
                ProviderSetting.text("timeout_ms", "Timeout (ms)", false, "10000"));
    }

    @Override
    public DeliveryReceipt send(DeliveryRequest message, Map<String, String> settings) {
        String accountSid = ProviderHttp.required(settings, "account_sid");
        String from = ProviderHttp.optional(settings, "from");
        String service = ProviderHttp.optional(settings, "messaging_service_sid");
        if (from == null && service == null) {
            return DeliveryReceipt.rejected("The channel needs a From number or a Messaging Service SID");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", message.recipient());
        form.put("From", from);
        form.put("MessagingServiceSid", service);
        form.put("Body", message.body());
        form.put("StatusCallback", ProviderHttp.optional(settings, "status_callback_url"));
        String path = "/2010-04-01/Accounts/" + URLEncoder.encode(accountSid, StandardCharsets.UTF_8) + "/Messages.json";
        HttpRequest request = ProviderHttp.request(ProviderHttp.baseUrl(settings, API), path, settings)
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", ProviderHttp.basicAuth(accountSid, ProviderHttp.required(settings, "auth_token")))
                .POST(HttpRequest.BodyPublishers.ofString(ProviderHttp.form(form)))
                .build();
        return ProviderHttp.exchange(request,
                answer -> ProviderHttp.pointer(answer.json(), "/sid").orElse(null),
                answer -> ProviderHttp.pointer(answer.json(), "/code").map(RECIPIENT_CODES::contains).orElse(false));
    }

    /** The Auth Token that signs the callbacks; the same setting the channel sends with. */
    @Override
    public List<ProviderSetting> callbackSettings() {
        return List.of(ProviderSetting.secret("auth_token", "Auth Token (also signs status callbacks)", true));
    }

    @Override
    public List<StatusUpdate> parse(CallbackRequest request, Map<String, String> settings) throws CallbackRejectedException {
        String token = Webhooks.setting(settings, "auth_token");
        String signature = request.header("X-Twilio-Signature")
                .orElseThrow(() -> new CallbackRejectedException("Twilio callback without X-Twilio-Signature"));
        List<Map.Entry<String, String>> fields = "POST".equalsIgnoreCase(request.method())
                ? SmsSupport.formFields(request.body()) : List.of();
        boolean valid = false;
        for (String url : urlVariants(request.url())) {
            valid |= Webhooks.sameSecret(signature(token, url, fields), signature.strip());
        }
        if (!valid) {
            throw new CallbackRejectedException("Twilio callback with a wrong signature");
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (fields.isEmpty()) {
            request.params().forEach((name, list) -> values.put(name, list.isEmpty() ? "" : list.get(0)));
        } else {
            fields.forEach(field -> values.putIfAbsent(field.getKey(), field.getValue()));
        }
        String sid = values.get("MessageSid");
        String status = values.getOrDefault("MessageStatus", "").toLowerCase(Locale.ROOT);
        if (sid == null || sid.isBlank()) {
            return List.of();
        }
        return switch (status) {
            case "delivered" -> List.of(new StatusUpdate(sid, StatusUpdate.Kind.DELIVERED, null));
            case "undelivered", "failed" -> List.of(new StatusUpdate(sid, StatusUpdate.Kind.UNDELIVERED,
                    "Twilio " + status + (values.containsKey("ErrorCode") ? ", ErrorCode " + values.get("ErrorCode") : "")));
            default -> List.of();
        };
    }

    /** Base64(HMAC-SHA1(auth token, URL + each POST parameter's name and value, sorted by name)). */
    static String signature(String authToken, String url, List<Map.Entry<String, String>> fields) {
        StringBuilder data = new StringBuilder(url);
        for (Map.Entry<String, String> field : SmsSupport.sorted(fields)) {
            data.append(field.getKey()).append(field.getValue());
        }
        return Base64.getEncoder().encodeToString(SmsSupport.hmac("HmacSHA1", authToken, data.toString()));
    }

    /** The URL as given, and with its scheme's default port added (when absent) or removed (when present). */
    static List<String> urlVariants(String url) {
        List<String> variants = new ArrayList<>();
        variants.add(url);
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            return variants;
        }
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String defaultPort = scheme.equals("https") ? "443" : scheme.equals("http") ? "80" : null;
        int start = schemeEnd + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        int colon = authority.lastIndexOf(':');
        boolean hasPort = colon > authority.lastIndexOf(']');
        if (defaultPort == null) {
            return variants;
        }
        if (!hasPort) {
            variants.add(url.substring(0, end) + ":" + defaultPort + url.substring(end));
        } else if (authority.substring(colon + 1).equals(defaultPort)) {
            variants.add(url.substring(0, start) + authority.substring(0, colon) + url.substring(end));
        }
        return variants;
    }
}
