package org.secure2fa.delivery.provider;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.secure2fa.delivery.provider.http.AwsSigV4;
import org.secure2fa.delivery.provider.http.ProviderHttp;
import org.secure2fa.delivery.provider.http.ProviderHttp.Answer;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.delivery.spi.DeliveryProvider;
import org.secure2fa.delivery.spi.DeliveryReceipt;
import org.secure2fa.delivery.spi.DeliveryRequest;
import org.secure2fa.delivery.spi.ProviderSetting;

/**
 * Amazon SNS text messages, as the SNS API reference documents the Publish action over the Query API:
 * {@code POST /} on {@code https://sns.{region}.amazonaws.com}, an
 * {@code application/x-www-form-urlencoded; charset=utf-8} body of {@code Action=Publish},
 * {@code Version=2010-03-31}, {@code PhoneNumber} (E.164), {@code Message} and the SMS message
 * attributes as {@code MessageAttributes.entry.N.Name / .Value.DataType / .Value.StringValue}:
 * {@code AWS.SNS.SMS.SMSType} (Transactional by default), and when configured
 * {@code AWS.SNS.SMS.SenderID} and {@code AWS.MM.SMS.OriginationNumber}. The request is signed with
 * Signature Version 4 (service {@code sns}) over host, content-type and x-amz-date (and
 * x-amz-security-token for temporary credentials). The XML answer's {@code <MessageId>} is the message
 * id.
 *
 * <p>Errors are XML {@code <ErrorResponse><Error><Type/><Code/><Message/></Error>}. Throttling codes
 * (Throttling, Throttled, KMSThrottling, RequestLimitExceeded) and InternalError are retried whatever
 * the HTTP status (AWS answers throttling with 400 too); OptedOut, and InvalidParameter /
 * InvalidParameterValue about the {@code PhoneNumber}, blame the recipient; the rest
 * (InvalidClientTokenId, SignatureDoesNotMatch, AuthorizationError, other invalid parameters) are the
 * configuration's.
 */
@ApplicationScoped
public class SnsProvider implements DeliveryProvider {

    public static final String ID = "sns";
    static final String CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8";
    private static final Set<String> TRANSIENT_CODES = Set.of("Throttling", "ThrottlingException", "Throttled",
            "ThrottledException", "KMSThrottling", "KMSThrottlingException", "RequestLimitExceeded", "InternalError",
            "InternalFailure", "ServiceUnavailable");

    /** The time requests are signed at; tests fix it. */
    Clock clock = Clock.systemUTC();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Amazon SNS";
    }

    @Override
    public Set<ChannelType> channelTypes() {
        return Set.of(ChannelType.SMS);
    }

    @Override
    public List<ProviderSetting> settings() {
        return List.of(
                ProviderSetting.text("access_key_id", "Access key ID", true, null),
                ProviderSetting.secret("secret_access_key", "Secret access key", true),
                ProviderSetting.secret("session_token", "Session token (temporary credentials only)", false),
                ProviderSetting.text("region", "Region", true, "us-east-1"),
                ProviderSetting.text("sender_id", "Sender ID (alphanumeric, where the country allows it)", false, null),
                ProviderSetting.text("origination_number", "Origination number (E.164)", false, null),
                ProviderSetting.choice("sms_type", "SMS type", "Transactional", "Transactional", "Promotional"),
                ProviderSetting.text("base_url", "API base URL", false, "https://sns.{region}.amazonaws.com"),
                ProviderSetting.text("timeout_ms", "Timeout (ms)", false, "10000"));
    }

    @Override
    public DeliveryReceipt send(DeliveryRequest message, Map<String, String> settings) {
        String region = ProviderHttp.optional(settings, "region");
        region = region == null ? "us-east-1" : region;
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Action", "Publish");
        form.put("Version", "2010-03-31");
        form.put("PhoneNumber", message.recipient());
        form.put("Message", message.body());
        String smsType = ProviderHttp.optional(settings, "sms_type");
        int entry = attribute(form, 1, "AWS.SNS.SMS.SMSType", smsType == null ? "Transactional" : smsType);
        entry = attribute(form, entry, "AWS.SNS.SMS.SenderID", ProviderHttp.optional(settings, "sender_id"));
        attribute(form, entry, "AWS.MM.SMS.OriginationNumber", ProviderHttp.optional(settings, "origination_number"));
        String body = ProviderHttp.form(form);

        String baseUrl = ProviderHttp.baseUrl(settings, "https://sns." + region + ".amazonaws.com");
        HttpRequest.Builder builder = ProviderHttp.request(baseUrl, "/", settings);
        URI uri = builder.build().uri();
        String host = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        String amzDate = ZonedDateTime.now(clock).format(AwsSigV4.AMZ_DATE);
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("host", host);
        signed.put("content-type", CONTENT_TYPE);
        signed.put("x-amz-date", amzDate);
        String sessionToken = ProviderHttp.optional(settings, "session_token");
        if (sessionToken != null) {
            signed.put("x-amz-security-token", sessionToken);
        }
        String authorization = AwsSigV4.authorization("POST", uri.getRawPath(), "", signed, AwsSigV4.sha256Hex(body),
                amzDate, region, "sns", ProviderHttp.required(settings, "access_key_id"),
                ProviderHttp.required(settings, "secret_access_key"));
        builder.header("Content-Type", CONTENT_TYPE).header("X-Amz-Date", amzDate).header("Authorization", authorization);
        if (sessionToken != null) {
            builder.header("X-Amz-Security-Token", sessionToken);
        }
        return ProviderHttp.deliver(builder.POST(HttpRequest.BodyPublishers.ofString(body)).build(), SnsProvider::map);
    }

    private static int attribute(Map<String, String> form, int entry, String name, String value) {
        if (value == null) {
            return entry;
        }
        String prefix = "MessageAttributes.entry." + entry;
        form.put(prefix + ".Name", name);
        form.put(prefix + ".Value.DataType", "String");
        form.put(prefix + ".Value.StringValue", value);
        return entry + 1;
    }

    private static DeliveryReceipt map(Answer answer) {
        if (answer.isSuccess()) {
            return DeliveryReceipt.accepted(SmsSupport.xmlText(answer.body(), "MessageId"));
        }
        String code = SmsSupport.xmlText(answer.body(), "Code");
        String text = SmsSupport.xmlText(answer.body(), "Message");
        String detail = "HTTP " + answer.status() + (code == null ? "" : " " + code) + (text == null ? "" : ": " + text);
        if (answer.isTransient() || (code != null && TRANSIENT_CODES.contains(code))) {
            return DeliveryReceipt.retry(detail);
        }
        boolean recipient = "OptedOut".equals(code) || ("InvalidParameter".equals(code) || "InvalidParameterValue".equals(code))
                && text != null && text.contains("PhoneNumber");
        return recipient ? DeliveryReceipt.rejectedRecipient(detail) : DeliveryReceipt.rejected(detail);
    }
}
