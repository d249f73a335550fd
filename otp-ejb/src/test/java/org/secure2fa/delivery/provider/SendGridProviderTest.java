package org.secure2fa.delivery.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.delivery.spi.DeliveryReceipt.Outcome;
import org.secure2fa.delivery.spi.DeliveryRequest;

/** SendGrid against a local stub of its documented v3 Mail Send API. */
class SendGridProviderTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final SendGridProvider provider = new SendGridProvider();
    private final DeliveryRequest message = new DeliveryRequest(1, ChannelType.EMAIL, "alice@example.com",
            "Your login code", "Your code is 123456", "<b>123456</b>");

    private Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(Map.of("api_key", "SG.key-1", "from", "otp@example.com",
                "from_name", "Example OTP", "base_url", api.baseUrl(), "timeout_ms", "5000"));
        return settings;
    }

    @Test
    void sendsTheDocumentedRequestAndKeepsTheMessageId() {
        api.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202)
                .withHeader("X-Message-Id", "W86EgYT6SQKk0lRflfLRsA")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.ACCEPTED, receipt.outcome(), receipt.detail());
        assertEquals("W86EgYT6SQKk0lRflfLRsA", receipt.providerMessageId());
        api.verify(postRequestedFor(urlEqualTo("/v3/mail/send"))
                .withHeader("Authorization", equalTo("Bearer SG.key-1"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"personalizations":[{"to":[{"email":"alice@example.com"}]}],
                         "from":{"email":"otp@example.com","name":"Example OTP"},
                         "subject":"Your login code",
                         "content":[{"type":"text/plain","value":"Your code is 123456"},
                                    {"type":"text/html","value":"<b>123456</b>"}]}""")));
    }

    @Test
    void plainTextOnlyWhenThereIsNoHtml() {
        api.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "m-1")));
        Map<String, String> settings = settings();
        settings.remove("from_name");
        var receipt = provider.send(new DeliveryRequest(2, ChannelType.EMAIL, "bob@example.com", "Code",
                "Your code is 654321", null), settings);
        assertEquals(Outcome.ACCEPTED, receipt.outcome(), receipt.detail());
        api.verify(postRequestedFor(urlEqualTo("/v3/mail/send")).withRequestBody(equalToJson("""
                {"personalizations":[{"to":[{"email":"bob@example.com"}]}],"from":{"email":"otp@example.com"},
                 "subject":"Code","content":[{"type":"text/plain","value":"Your code is 654321"}]}""")));
    }

    @Test
    void anInvalidRecipientIsAPermanentRecipientFailure() {
        api.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(400).withBody("""
                {"errors":[{"message":"Does not contain a valid address.","field":"personalizations.0.to.0.email",
                "help":"http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html#message.personalizations.to"}]}""")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertTrue(receipt.recipientFault());
    }

    @Test
    void anInvalidSenderIsAPermanentFailureOfTheConfiguration() {
        api.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(400).withBody("""
                {"errors":[{"message":"Does not contain a valid address.","field":"from.email","help":null}]}""")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertFalse(receipt.recipientFault());
    }

    @Test
    void aBadKeyIsAPermanentFailureOfTheConfiguration() {
        api.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(401).withBody("""
                {"errors":[{"message":"The provided authorization grant is invalid, expired, or revoked",
                "field":null,"help":null}]}""")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertFalse(receipt.recipientFault());
        assertTrue(receipt.detail().startsWith("HTTP 401"));
    }

    @Test
    void aRateLimitIsRetriedThenSucceeds() {
        api.stubFor(post("/v3/mail/send").inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429)
                        .withBody("{\"errors\":[{\"field\":null,\"message\":\"too many requests\"}]}"))
                .willSetStateTo("open"));
        api.stubFor(post("/v3/mail/send").inScenario("limited").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "m-2")));
        assertEquals(Outcome.RETRY, provider.send(message, settings()).outcome());
        var second = provider.send(message, settings());
        assertEquals(Outcome.ACCEPTED, second.outcome());
        assertEquals("m-2", second.providerMessageId());
    }

    @Test
    void aTimeoutIsRetried() {
        api.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202).withFixedDelay(2_000)));
        Map<String, String> settings = settings();
        settings.put("timeout_ms", "300");
        assertEquals(Outcome.RETRY, provider.send(message, settings).outcome());
    }
}
