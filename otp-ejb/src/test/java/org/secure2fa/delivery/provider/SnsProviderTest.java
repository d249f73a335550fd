package org.secure2fa.delivery.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.secure2fa.delivery.provider.http.AwsSigV4;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.delivery.spi.DeliveryReceipt.Outcome;
import org.secure2fa.delivery.spi.DeliveryRequest;

/** Amazon SNS Publish against a local stub of its documented Query API. */
class SnsProviderTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String OK = "<PublishResponse xmlns=\"https://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
            + "<MessageId>567910cd-659e-55d4-8ccb-5aaf14679dc0</MessageId></PublishResult><ResponseMetadata>"
            + "<RequestId>d74b8436-ae13-5ab4-a9ff-ce54dfea72a0</RequestId></ResponseMetadata></PublishResponse>";

    private final SnsProvider provider = new SnsProvider();
    private final DeliveryRequest message = new DeliveryRequest(11, ChannelType.SMS, "+14155552671", null,
            "Your code is 123456", null);

    @BeforeEach
    void fixTheClock() {
        provider.clock = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);
    }

    private Map<String, String> shortTimeout() {
        Map<String, String> settings = settings();
        settings.put("timeout_ms", "300");
        return settings;
    }

    private Map<String, String> settings() {
        return new HashMap<>(Map.of("access_key_id", KEY_ID, "secret_access_key", SECRET, "region", "eu-west-1",
                "base_url", api.baseUrl(), "timeout_ms", "5000"));
    }

    private static String error(String type, String code, String text) {
        return "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>" + type + "</Type><Code>"
                + code + "</Code><Message>" + text + "</Message></Error><RequestId>r-1</RequestId></ErrorResponse>";
    }

    @Test
    void sendsASignedPublishAndKeepsTheMessageId() {
        api.stubFor(post("/").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(OK)));
        Map<String, String> settings = settings();
        settings.put("sender_id", "Secure2FA");
        var receipt = provider.send(message, settings);
        assertEquals(Outcome.ACCEPTED, receipt.outcome(), receipt.detail());
        assertEquals("567910cd-659e-55d4-8ccb-5aaf14679dc0", receipt.providerMessageId());
        api.verify(postRequestedFor(urlEqualTo("/"))
                // Jetty (under WireMock) upper-cases the charset it reports; the provider sends it as AWS writes it.
                .withHeader("Content-Type", equalToIgnoreCase("application/x-www-form-urlencoded; charset=utf-8"))
                .withHeader("X-Amz-Date", equalTo("20260304T050607Z"))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=" + KEY_ID
                        + "/20260304/eu-west-1/sns/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=[0-9a-f]{64}"))
                .withFormParam("Action", equalTo("Publish"))
                .withFormParam("Version", equalTo("2010-03-31"))
                .withFormParam("PhoneNumber", equalTo("+14155552671"))
                .withFormParam("Message", equalTo("Your code is 123456"))
                .withFormParam("MessageAttributes.entry.1.Name", equalTo("AWS.SNS.SMS.SMSType"))
                .withFormParam("MessageAttributes.entry.1.Value.DataType", equalTo("String"))
                .withFormParam("MessageAttributes.entry.1.Value.StringValue", equalTo("Transactional"))
                .withFormParam("MessageAttributes.entry.2.Name", equalTo("AWS.SNS.SMS.SenderID"))
                .withFormParam("MessageAttributes.entry.2.Value.DataType", equalTo("String"))
                .withFormParam("MessageAttributes.entry.2.Value.StringValue", equalTo("Secure2FA"))
                .withoutFormParam("MessageAttributes.entry.3.Name"));
    }

    @Test
    void theSignatureCoversTheBytesThatWereSent() {
        api.stubFor(post("/").willReturn(aResponse().withStatus(200).withBody(OK)));
        Map<String, String> settings = settings();
        settings.put("session_token", "session-token-1");
        provider.send(message, settings);
        List<LoggedRequest> sent = api.findAll(postRequestedFor(urlEqualTo("/")));
        assertEquals(1, sent.size());
        LoggedRequest request = sent.get(0);
        assertEquals("session-token-1", request.getHeader("X-Amz-Security-Token"));
        assertTrue(SnsProvider.CONTENT_TYPE.equalsIgnoreCase(request.getHeader("Content-Type")));
        String expected = AwsSigV4.authorization("POST", "/", "",
                Map.of("host", request.getHeader("Host"), "content-type", SnsProvider.CONTENT_TYPE,
                        "x-amz-date", request.getHeader("X-Amz-Date"), "x-amz-security-token", "session-token-1"),
                AwsSigV4.sha256Hex(request.getBodyAsString()), "20260304T050607Z", "eu-west-1", "sns", KEY_ID, SECRET);
        assertEquals(expected, request.getHeader("Authorization"));
        assertTrue(expected.contains("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token"), expected);
    }

    @Test
    void anInvalidPhoneNumberIsAPermanentRecipientFailure() {
        api.stubFor(post("/").willReturn(aResponse().withStatus(400).withBody(error("Sender", "InvalidParameter",
                "Invalid parameter: PhoneNumber Reason: +1415555 is not valid to publish to"))));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertTrue(receipt.recipientFault());
        assertTrue(receipt.detail().contains("InvalidParameter"), receipt.detail());
    }

    @Test
    void anUnknownAccessKeyIsAPermanentFailureOfTheConfiguration() {
        api.stubFor(post("/").willReturn(aResponse().withStatus(403).withBody(error("Sender", "InvalidClientTokenId",
                "The security token included in the request is invalid."))));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertFalse(receipt.recipientFault());
    }

    @Test
    void aWrongSecretIsAPermanentFailureOfTheConfiguration() {
        api.stubFor(post("/").willReturn(aResponse().withStatus(403).withBody(error("Sender", "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided."))));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertFalse(receipt.recipientFault());
    }

    @Test
    void throttlingAnsweredWith400IsRetried() {
        api.stubFor(post("/").willReturn(aResponse().withStatus(400).withBody(error("Sender", "Throttling", "Rate exceeded"))));
        assertEquals(Outcome.RETRY, provider.send(message, settings()).outcome());
    }

    @Test
    void aServerErrorIsRetriedThenSucceeds() {
        api.stubFor(post("/").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        api.stubFor(post("/").inScenario("flaky").whenScenarioStateIs("up").willReturn(aResponse().withStatus(200).withBody(OK)));
        assertEquals(Outcome.RETRY, provider.send(message, settings()).outcome());
        var second = provider.send(message, settings());
        assertEquals(Outcome.ACCEPTED, second.outcome());
        assertEquals("567910cd-659e-55d4-8ccb-5aaf14679dc0", second.providerMessageId());
    }

    @Test
    void aTimeoutIsRetried() {
        api.stubFor(post("/").willReturn(aResponse().withStatus(200).withBody(OK).withFixedDelay(1_000)));
        var receipt = provider.send(message, shortTimeout());
        assertEquals(Outcome.RETRY, receipt.outcome());
        assertTrue(receipt.detail().startsWith("Timed out"), receipt.detail());
    }
}
