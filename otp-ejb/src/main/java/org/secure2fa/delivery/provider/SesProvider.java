package org.secure2fa.delivery.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObjectBuilder;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.secure2fa.delivery.provider.http.AwsSigV4;
import org.secure2fa.delivery.provider.http.ProviderHttp;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.delivery.spi.DeliveryProvider;
import org.secure2fa.delivery.spi.DeliveryReceipt;
import org.secure2fa.delivery.spi.DeliveryRequest;
import org.secure2fa.delivery.spi.ProviderSetting;

/**
 * Amazon SES API v2 {@code SendEmail}, as the SES API v2 reference documents it:
 * {@code POST /v2/email/outbound-emails} on {@code https://email.{region}.amazonaws.com} with a JSON body
 * {@code {FromEmailAddress, Destination:{ToAddresses:[…]}, Content:{Simple:{Subject:{Data,Charset},
 * Body:{Text:{Data,Charset}, Html:{Data,Charset}}}}, ConfigurationSetName?}}, signed with AWS Signature
 * Version 4 (service {@code ses}; signed headers {@code content-type}, {@code host}, {@code x-amz-date},
 * and {@code x-amz-security-token} with temporary credentials; payload hash the SHA-256 of the body).
 * The answer is 200 {@code {"MessageId":"…"}}.
 *
 * <p>Errors (REST-JSON) name their type in the {@code x-amzn-ErrorType} header, or {@code __type} /
 * {@code code} in the body, with a {@code message}. {@code TooManyRequestsException} is a 429 and is
 * retried; {@code MessageRejected} (including "Email address is not verified" in the sandbox),
 * {@code MailFromDomainNotVerifiedException}, {@code AccountSuspendedException},
 * {@code SendingPausedException}, {@code LimitExceededException} (quota), {@code NotFoundException} and
 * signature errors blame the configuration. A {@code BadRequestException} about a malformed address
 * ("Illegal address", "Missing final '@domain'", …) blames the recipient, provided the configured From
 * address is itself well formed (SES does not say which address it objects to). Suppressed recipients
 * are not refused at send time: SES accepts the message and reports a bounce.
 */
@ApplicationScoped
public class SesProvider implements DeliveryProvider {

    public static final String ID = "ses";
    static final String SERVICE = "ses";
    static final String PATH = "/v2/email/outbound-emails";
    private static final Pattern MALFORMED_ADDRESS = Pattern.compile(
            "(?i).*(illegal address|missing final '@domain'|local address contains|domain contains|domain (starts|ends) with"
                    + "|missing local name|invalid email address|not a valid email).*", Pattern.DOTALL);

    /** The time requests are signed at; tests fix it. */
    Clock clock = Clock.systemUTC();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Amazon SES";
    }

    @Override
    public Set<ChannelType> channelTypes() {
        return Set.of(ChannelType.EMAIL);
    }

    @Override
    public List<ProviderSetting> settings() {
        return List.of(
                ProviderSetting.text("region", "AWS region", true, "us-east-1"),
                ProviderSetting.text("access_key_id", "Access key ID", true, null),
                ProviderSetting.secret("secret_access_key", "Secret access key", true),
                ProviderSetting.secret("session_token", "Session token (temporary credentials only)", false),
                ProviderSetting.text("from", "From address (a verified identity)", true, null),
                ProviderSetting.text("configuration_set", "Configuration set", false, null),
                ProviderSetting.text("base_url", "API base URL (default https://email.<region>.amazonaws.com)", false, null),
                ProviderSetting.text("timeout_ms", "Timeout (ms)", false, "10000"));
    }

    @Override
    public DeliveryReceipt send(DeliveryRequest message, Map<String, String> settings) {
        String region = settings.getOrDefault("region", "").strip();
        if (region.isEmpty()) {
            region = "us-east-1";
        }
        if (!region.matches("[a-z0-9-]+")) {
            return DeliveryReceipt.rejected("The channel setting region is not an AWS region: " + region);
        }
        String from = ProviderHttp.required(settings, "from");
        JsonObjectBuilder body = ProviderHttp.object()
                .add("Text", text(message.body()));
        if (message.htmlBody() != null && !message.htmlBody().isBlank()) {
            body.add("Html", text(message.htmlBody()));
        }
        JsonObjectBuilder email = ProviderHttp.object()
                .add("FromEmailAddress", from)
                .add("Destination", ProviderHttp.object()
                        .add("ToAddresses", ProviderHttp.JSON.createArrayBuilder().add(message.recipient())))
                .add("Content", ProviderHttp.object().add("Simple", ProviderHttp.object()
                        .add("Subject", text(message.subject() == null ? "" : message.subject()))
                        .add("Body", body)));
        String configurationSet = ProviderHttp.optional(settings, "configuration_set");
        if (configurationSet != null) {
            email.add("ConfigurationSetName", configurationSet);
        }
        String payload = email.build().toString();

        String baseUrl = ProviderHttp.baseUrl(settings, "https://email." + region + ".amazonaws.com");
        HttpRequest.Builder builder = ProviderHttp.request(baseUrl, PATH, settings);
        URI uri = URI.create(baseUrl + PATH);
        String amzDate = ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC).format(AwsSigV4.AMZ_DATE);
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("content-type", "application/json");
        signed.put("host", hostHeader(uri));
        signed.put("x-amz-date", amzDate);
        String sessionToken = ProviderHttp.optional(settings, "session_token");
        if (sessionToken != null) {
            signed.put("x-amz-security-token", sessionToken);
        }
        String authorization = AwsSigV4.authorization("POST", uri.getRawPath(), "", signed,
                AwsSigV4.sha256Hex(payload), amzDate, region, SERVICE,
                ProviderHttp.required(settings, "access_key_id"), ProviderHttp.required(settings, "secret_access_key"));
        // Host is set by the HTTP client itself, from the same URI, exactly as hostHeader computes it.
        signed.forEach((name, value) -> {
            if (!name.equals("host")) {
                builder.header(name, value);
            }
        });
        HttpRequest request = builder
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build();
        return ProviderHttp.exchange(request,
                answer -> ProviderHttp.pointer(answer.json(), "/MessageId").orElse(null),
                answer -> blamesRecipient(answer, from));
    }

    private static JsonObjectBuilder text(String data) {
        return ProviderHttp.object().add("Data", data).add("Charset", "UTF-8");
    }

    /** What java.net.http sends as Host: the host, and the port unless it is the scheme's default. */
    static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        boolean defaultPort = port == -1 || (secure && port == 443) || (!secure && port == 80);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    /** The error type, e.g. {@code MessageRejected}, from the header or the body. */
    static String errorType(ProviderHttp.Answer answer) {
        String type = answer.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("x-amzn-ErrorType") && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0)).findFirst()
                .or(() -> ProviderHttp.pointer(answer.json(), "/__type"))
                .or(() -> ProviderHttp.pointer(answer.json(), "/code"))
                .orElse("");
        int colon = type.indexOf(':');
        type = colon >= 0 ? type.substring(0, colon) : type;
        int hash = type.lastIndexOf('#');
        return hash >= 0 ? type.substring(hash + 1) : type;
    }

    private static boolean blamesRecipient(ProviderHttp.Answer answer, String from) {
        if (answer.status() != 400 || !errorType(answer).equals("BadRequestException")) {
            return false;
        }
        String text = ProviderHttp.pointer(answer.json(), "/message")
                .or(() -> ProviderHttp.pointer(answer.json(), "/Message")).orElse("");
        return MALFORMED_ADDRESS.matcher(text).matches() && wellFormed(from);
    }

    private static boolean wellFormed(String address) {
        try {
            new InternetAddress(address, true).validate();
            return address.toLowerCase(Locale.ROOT).contains("@");
        } catch (AddressException e) {
            return false;
        }
    }
}
