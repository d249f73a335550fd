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

/** Brevo against a local stub of its documented transactional email API. */
class BrevoProviderTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/v3/smtp/email";
    private static final String CREATED = "{\"messageId\":\"<202611251015.12345678901@smtp-relay.mailin.fr>\"}";

    private final BrevoProvider provider = new BrevoProvider();
    private final DeliveryRequest message = new DeliveryRequest(1, ChannelType.EMAIL, "alice@example.com",
            "Your login code", "Your code is 123456", "<b>123456</b>");

    private Map<String, String> settings() {
        return new HashMap<>(Map.of("api_key", "xkeysib-0000-1111", "from", "otp@example.com",
                "from_name", "Example OTP", "base_url", api.baseUrl(), "timeout_ms", "5000"));
    }

    @Test
    void sendsTheDocumentedRequestAndKeepsTheMessageId() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(CREATED)));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.ACCEPTED, receipt.outcome(), receipt.detail());
        assertEquals("<202611251015.12345678901@smtp-relay.mailin.fr>", receipt.providerMessageId());
        api.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("api-key", equalTo("xkeysib-0000-1111"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"sender":{"email":"otp@example.com","name":"Example OTP"},
                         "to":[{"email":"alice@example.com"}],"subject":"Your login code",
                         "textContent":"Your code is 123456","htmlContent":"<b>123456</b>"}""")));
    }

    @Test
    void anInvalidRecipientIsAPermanentRecipientFailure() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(400)
                .withBody("{\"code\":\"invalid_parameter\",\"message\":\"email is not valid in to\"}")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertTrue(receipt.recipientFault());
    }

    @Test
    void anInactiveSenderIsAPermanentFailureOfTheConfiguration() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(400)
                .withBody("{\"code\":\"invalid_parameter\",\"message\":\"Sender is invalid / inactive\"}")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertFalse(receipt.recipientFault());
    }

    @Test
    void aBadKeyIsAPermanentFailureOfTheConfiguration() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(401)
                .withBody("{\"code\":\"unauthorized\",\"message\":\"Key not found\"}")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertFalse(receipt.recipientFault());
    }

    @Test
    void anOutageIsRetriedThenSucceeds() {
        api.stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        api.stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(201).withBody(CREATED)));
        assertEquals(Outcome.RETRY, provider.send(message, settings()).outcome());
        var second = provider.send(message, settings());
        assertEquals(Outcome.ACCEPTED, second.outcome());
        assertEquals("<202611251015.12345678901@smtp-relay.mailin.fr>", second.providerMessageId());
    }

    @Test
    void aTimeoutIsRetried() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(201).withBody(CREATED).withFixedDelay(2_000)));
        Map<String, String> settings = settings();
        settings.put("timeout_ms", "300");
        assertEquals(Outcome.RETRY, provider.send(message, settings).outcome());
    }
}
