package org.secure2fa.delivery.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.secure2fa.delivery.provider.http.AwsSigV4;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.delivery.spi.DeliveryReceipt.Outcome;
import org.secure2fa.delivery.spi.DeliveryRequest;

/** Amazon SES v2 against a local stub of its documented SendEmail operation. */
class SesProviderTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/v2/email/outbound-emails";
    private static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private final SesProvider provider = new SesProvider();
    private final DeliveryRequest message = new DeliveryRequest(1, ChannelType.EMAIL, "alice@example.com",
            "Your login code", "Your code is 123456", "<b>123456</b>");

    SesProviderTest() {
        provider.clock = Clock.fixed(Instant.parse("2026-11-25T10:15:30Z"), ZoneOffset.UTC);
    }

    private Map<String, String> settings() {
        return new HashMap<>(Map.of("region", "eu-west-1", "access_key_id", KEY_ID, "secret_access_key", SECRET,
                "from", "otp@example.com", "base_url", api.baseUrl(), "timeout_ms", "5000"));
    }

    @Test
    void sendsTheDocumentedSignedRequestAndKeepsTheMessageId() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"MessageId\":\"0102018c1a2b3c4d-11111111-2222-3333-4444-555555555555-000000\"}")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.ACCEPTED, receipt.outcome(), receipt.detail());
        assertEquals("0102018c1a2b3c4d-11111111-2222-3333-4444-555555555555-000000", receipt.providerMessageId());
        api.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("X-Amz-Date", equalTo("20261125T101530Z"))
                .withHeader("Authorization", matching(
                        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261125/eu-west-1/ses/aws4_request, "
                                + "SignedHeaders=content-type;host;x-amz-date, Signature=[0-9a-f]{64}"))
                .withRequestBody(equalToJson("""
                        {"FromEmailAddress":"otp@example.com",
                         "Destination":{"ToAddresses":["alice@example.com"]},
                         "Content":{"Simple":{
                            "Subject":{"Data":"Your login code","Charset":"UTF-8"},
                            "Body":{"Text":{"Data":"Your code is 123456","Charset":"UTF-8"},
                                    "Html":{"Data":"<b>123456</b>","Charset":"UTF-8"}}}}}""")));

        // The signature covers exactly what arrived: recompute it from the received headers and body.
        LoggedRequest received = api.findAll(postRequestedFor(urlEqualTo(PATH))).get(0);
        String expected = AwsSigV4.authorization("POST", PATH, "",
                Map.of("content-type", received.getHeader("Content-Type"), "host", received.getHeader("Host"),
                        "x-amz-date", received.getHeader("X-Amz-Date")),
                AwsSigV4.sha256Hex(received.getBodyAsString()), "20261125T101530Z", "eu-west-1", "ses", KEY_ID, SECRET);
        assertEquals(expected, received.getHeader("Authorization"));
        assertTrue(received.getHeader("Authorization").startsWith(
                "AWS4-HMAC-SHA256 Credential=" + KEY_ID + "/20261125/eu-west-1/ses/aws4_request"));
    }

    @Test
    void temporaryCredentialsSignTheSessionTokenAndAConfigurationSetIsNamed() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withBody("{\"MessageId\":\"m-1\"}")));
        Map<String, String> settings = settings();
        settings.put("session_token", "FwoGZXIvYXdzEXAMPLE");
        settings.put("configuration_set", "otp-events");
        assertEquals(Outcome.ACCEPTED, provider.send(message, settings).outcome());
        api.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("X-Amz-Security-Token", equalTo("FwoGZXIvYXdzEXAMPLE"))
                .withHeader("Authorization", containing("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token,"))
                .withRequestBody(equalToJson("{\"ConfigurationSetName\":\"otp-events\"}", true, true)));
    }

    @Test
    void theDefaultEndpointIsDerivedFromTheRegion() {
        assertEquals("email.eu-west-1.amazonaws.com",
                SesProvider.hostHeader(java.net.URI.create("https://email.eu-west-1.amazonaws.com" + PATH)));
        assertEquals("localhost:8443", SesProvider.hostHeader(java.net.URI.create("https://localhost:8443" + PATH)));
        assertTrue(provider.settings().stream().anyMatch(s -> s.key().equals("secret_access_key") && s.secret()));
    }

    @Test
    void anUnverifiedIdentityIsAPermanentFailureOfTheConfiguration() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(400)
                .withHeader("x-amzn-ErrorType", "MessageRejected:http://internal.amazon.com/coral/com.amazonaws.sesv2/")
                .withBody("{\"message\":\"Email address is not verified. The following identities failed the check "
                        + "in region EU-WEST-1: otp@example.com\"}")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertFalse(receipt.recipientFault());
    }

    @Test
    void aMalformedRecipientIsAPermanentRecipientFailure() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(400)
                .withHeader("x-amzn-ErrorType", "BadRequestException:http://internal.amazon.com/coral/com.amazonaws.sesv2/")
                .withBody("{\"message\":\"Illegal address\"}")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertTrue(receipt.recipientFault());
    }

    @Test
    void aMalformedAddressIsTheConfigurationsFaultWhenTheFromIsMalformed() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(400)
                .withHeader("x-amzn-ErrorType", "BadRequestException")
                .withBody("{\"message\":\"Illegal address\"}")));
        Map<String, String> settings = settings();
        settings.put("from", "otp@@example");
        var receipt = provider.send(message, settings);
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertFalse(receipt.recipientFault());
    }

    @Test
    void aBadSignatureIsAPermanentFailureOfTheConfiguration() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(403)
                .withHeader("x-amzn-ErrorType", "SignatureDoesNotMatchException")
                .withBody("{\"message\":\"The request signature we calculated does not match the signature you provided.\"}")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertFalse(receipt.recipientFault());
    }

    @Test
    void throttlingIsRetriedThenSucceeds() {
        api.stubFor(post(PATH).inScenario("throttled").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("x-amzn-ErrorType", "TooManyRequestsException")
                        .withBody("{\"message\":\"Maximum sending rate exceeded.\"}"))
                .willSetStateTo("open"));
        api.stubFor(post(PATH).inScenario("throttled").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(200).withBody("{\"MessageId\":\"m-2\"}")));
        assertEquals(Outcome.RETRY, provider.send(message, settings()).outcome());
        var second = provider.send(message, settings());
        assertEquals(Outcome.ACCEPTED, second.outcome());
        assertEquals("m-2", second.providerMessageId());
        List<LoggedRequest> both = api.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertEquals(2, both.size());
    }

    @Test
    void aTimeoutIsRetried() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withBody("{\"MessageId\":\"m-3\"}")
                .withFixedDelay(2_000)));
        Map<String, String> settings = settings();
        settings.put("timeout_ms", "300");
        assertEquals(Outcome.RETRY, provider.send(message, settings).outcome());
    }
}
