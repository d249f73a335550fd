package org.secure2fa.delivery.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObjectBuilder;
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
 * Postmark's Email API: {@code POST /email} with the server token in {@code X-Postmark-Server-Token},
 * a JSON body of {@code From, To, Subject, TextBody, HtmlBody, MessageStream}; the answer's
 * {@code MessageID} is the message id. A 422 with ErrorCode 300 (invalid email request) or 406
 * (inactive recipient) blames the recipient; other 4xx (e.g. 401 or ErrorCode 10, a bad token) the
 * configuration.
 */
@ApplicationScoped
public class PostmarkProvider implements DeliveryProvider {

    public static final String ID = "postmark";
    static final String API = "https://api.postmarkapp.com";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Postmark";
    }

    @Override
    public Set<ChannelType> channelTypes() {
        return Set.of(ChannelType.EMAIL);
    }

    @Override
    public List<ProviderSetting> settings() {
        return List.of(
                ProviderSetting.secret("server_token", "Server API token", true),
                ProviderSetting.text("from", "From address (a confirmed sender signature)", true, null),
                ProviderSetting.text("message_stream", "Message stream", false, "outbound"),
                ProviderSetting.text("base_url", "API base URL", false, API),
                ProviderSetting.text("timeout_ms", "Timeout (ms)", false, "10000"));
    }

    @Override
    public DeliveryReceipt send(DeliveryRequest message, Map<String, String> settings) {
        JsonObjectBuilder body = ProviderHttp.object()
                .add("From", ProviderHttp.required(settings, "from"))
                .add("To", message.recipient())
                .add("Subject", message.subject() == null ? "" : message.subject())
                .add("TextBody", message.body())
                .add("MessageStream", settings.getOrDefault("message_stream", "outbound"));
        if (message.htmlBody() != null) {
            body.add("HtmlBody", message.htmlBody());
        }
        HttpRequest request = ProviderHttp.request(ProviderHttp.baseUrl(settings, API), "/email", settings)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("X-Postmark-Server-Token", ProviderHttp.required(settings, "server_token"))
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString()))
                .build();
        return ProviderHttp.exchange(request,
                answer -> ProviderHttp.pointer(answer.json(), "/MessageID").orElse(null),
                answer -> answer.status() == 422 && ProviderHttp.pointer(answer.json(), "/ErrorCode")
                        .map(code -> code.equals("300") || code.equals("406")).orElse(false));
    }
}
