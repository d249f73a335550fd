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

/** Plivo against a local stub of its documented Message API. */
class PlivoProviderTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/v1/Account/MAXXXXXXXXXXXXXXXXXX/Message/";

    private final PlivoProvider provider = new PlivoProvider();
    private final DeliveryRequest message = new DeliveryRequest(8, ChannelType.SMS, "+14155552671", null,
            "Your code is 123456", null);

    private Map<String, String> shortTimeout() {
        Map<String, String> settings = settings();
        settings.put("timeout_ms", "300");
        return settings;
    }

    private Map<String, String> settings() {
        return new HashMap<>(Map.of("auth_id", "MAXXXXXXXXXXXXXXXXXX", "auth_token", "plivo-token-1",
                "src", "+14152828726", "base_url", api.baseUrl(), "timeout_ms", "5000"));
    }

    @Test
    void sendsTheDocumentedRequestAndKeepsTheMessageUuid() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                .withBody("{\"api_id\":\"db342550-7f1d-11e1-8ea7-1231380bc196\",\"message\":\"message(s) queued\","
                        + "\"message_uuid\":[\"db3ce55a-7f1d-11e1-8ea7-1231380bc196\"]}")));
        Map<String, String> settings = settings();
        settings.put("status_callback_url", "https://otp.example.com/otp/webhooks/13");
        var receipt = provider.send(message, settings);
        assertEquals(Outcome.ACCEPTED, receipt.outcome(), receipt.detail());
        assertEquals("db3ce55a-7f1d-11e1-8ea7-1231380bc196", receipt.providerMessageId());
        api.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Basic TUFYWFhYWFhYWFhYWFhYWFhYWFg6cGxpdm8tdG9rZW4tMQ=="))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"src\":\"14152828726\",\"dst\":\"14155552671\","
                        + "\"text\":\"Your code is 123456\",\"url\":\"https://otp.example.com/otp/webhooks/13\","
                        + "\"method\":\"POST\"}")));
    }

    @Test
    void anAlphanumericSenderGoesAsItIs() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(202).withBody("{\"message_uuid\":[\"u-2\"]}")));
        Map<String, String> settings = settings();
        settings.put("src", "Secure2FA");
        assertEquals("u-2", provider.send(message, settings).providerMessageId());
        api.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson(
                "{\"src\":\"Secure2FA\",\"dst\":\"14155552671\",\"text\":\"Your code is 123456\"}")));
    }

    @Test
    void anInvalidDestinationIsAPermanentRecipientFailure() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(400)
                .withBody("{\"api_id\":\"97ceeb52-58b6-11e1-86da-77300b68f8bb\",\"error\":\"invalid dst number\"}")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertTrue(receipt.recipientFault());
    }

    @Test
    void failedAuthenticationIsAPermanentFailureOfTheConfiguration() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(401)
                .withBody("{\"api_id\":\"97ceeb52-58b6-11e1-86da-77300b68f8bb\",\"error\":\"authentication failed\"}")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertFalse(receipt.recipientFault());
    }

    @Test
    void aRefusedSenderIsTheConfigurationsFault() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(400)
                .withBody("{\"api_id\":\"x\",\"error\":\"src parameter not present\"}")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertFalse(receipt.recipientFault());
    }

    @Test
    void aServerErrorIsRetriedThenSucceeds() {
        api.stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        api.stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(202).withBody("{\"message\":\"message(s) queued\",\"message_uuid\":[\"u-3\"]}")));
        assertEquals(Outcome.RETRY, provider.send(message, settings()).outcome());
        var second = provider.send(message, settings());
        assertEquals(Outcome.ACCEPTED, second.outcome());
        assertEquals("u-3", second.providerMessageId());
    }

    @Test
    void aTimeoutIsRetried() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(202).withBody("{\"message_uuid\":[\"u-4\"]}")
                .withFixedDelay(1_000)));
        var receipt = provider.send(message, shortTimeout());
        assertEquals(Outcome.RETRY, receipt.outcome());
        assertTrue(receipt.detail().startsWith("Timed out"), receipt.detail());
    }
}
