package org.secure2fa.delivery.provider;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
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
 * Mailgun's Messages API, as its reference documents it: {@code POST /v3/{domain}/messages} on
 * {@code https://api.mailgun.net} (EU domains: {@code https://api.eu.mailgun.net} via {@code base_url})
 * with HTTP Basic authentication, user {@code api} and the API key as password, and the form fields
 * {@code from, to, subject, text, html}. The current OpenAPI reference lists {@code multipart/form-data};
 * the sending reference says multipart is required only for attachments, so this provider, which never
 * attaches anything, posts {@code application/x-www-form-urlencoded}.
 *
 * <p>A queued message is answered 200 {@code {"id":"<20111114174239.25659.5817@samples.mailgun.org>",
 * "message":"Queued. Thank you."}}; the id is kept without its angle brackets, which is how the
 * message's {@code Message-Id} appears in webhook events ({@code event-data.message.headers.message-id}).
 * A 400 {@code {"message":"'to' parameter is not a valid address. please check documentation"}} blames
 * the recipient; other 4xx (401 bad key, 402 request failed, 404 unknown domain, a bad {@code from}) the
 * configuration. Suppressed recipients are not refused at send time: Mailgun accepts the message and
 * reports it {@code failed} on the webhook.
 */
@ApplicationScoped
public class MailgunProvider implements DeliveryProvider {

    public static final String ID = "mailgun";
    static final String API = "https://api.mailgun.net";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Mailgun";
    }

    @Override
    public Set<ChannelType> channelTypes() {
        return Set.of(ChannelType.EMAIL);
    }

    @Override
    public List<ProviderSetting> settings() {
        return List.of(
                ProviderSetting.secret("api_key", "API key", true),
                ProviderSetting.text("domain", "Sending domain (e.g. mg.example.com)", true, null),
                ProviderSetting.text("from", "From (address, or Name <address>, on the sending domain)", true, null),
                ProviderSetting.text("base_url", "API base URL (EU: https://api.eu.mailgun.net)", false, API),
                ProviderSetting.text("timeout_ms", "Timeout (ms)", false, "10000"));
    }

    @Override
    public DeliveryReceipt send(DeliveryRequest message, Map<String, String> settings) {
        String domain = ProviderHttp.required(settings, "domain");
        if (!domain.matches("[A-Za-z0-9.-]+")) {
            return DeliveryReceipt.rejected("The channel setting domain is not a domain name: " + domain);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("from", ProviderHttp.required(settings, "from"));
        fields.put("to", message.recipient());
        fields.put("subject", message.subject() == null ? "" : message.subject());
        fields.put("text", message.body());
        if (message.htmlBody() != null && !message.htmlBody().isBlank()) {
            fields.put("html", message.htmlBody());
        }
        HttpRequest request = ProviderHttp.request(ProviderHttp.baseUrl(settings, API), "/v3/" + domain + "/messages",
                        settings)
                .header("Authorization", ProviderHttp.basicAuth("api", ProviderHttp.required(settings, "api_key")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ProviderHttp.form(fields)))
                .build();
        return ProviderHttp.exchange(request,
                answer -> ProviderHttp.pointer(answer.json(), "/id").map(MailgunProvider::bare).orElse(null),
                answer -> answer.status() == 400 && ProviderHttp.pointer(answer.json(), "/message")
                        .map(text -> text.startsWith("'to' parameter is not a valid address")).orElse(false));
    }

    /** A Message-Id without its angle brackets. */
    static String bare(String messageId) {
        String id = messageId.strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1);
        }
        return id;
    }
}
