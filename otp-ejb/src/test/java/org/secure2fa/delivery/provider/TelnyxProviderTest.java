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

/** Telnyx against a local stub of its documented Messaging API v2. */
class TelnyxProviderTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/v2/messages";
    private static final String OK = "{\"data\":{\"record_type\":\"message\",\"direction\":\"outbound\","
            + "\"id\":\"40385f64-5717-4562-b3fc-2c963f66afa6\",\"type\":\"SMS\",\"from\":{\"phone_number\":\"+18445550001\"},"
            + "\"to\":[{\"phone_number\":\"+14155552671\",\"status\":\"queued\"}],\"text\":\"Your code is 123456\",\"parts\":1}}";

    private final TelnyxProvider provider = new TelnyxProvider();
    private final DeliveryRequest message = new DeliveryRequest(13, ChannelType.SMS, "+14155552671", null,
            "Your code is 123456", null);

    private Map<String, String> shortTimeout() {
        Map<String, String> settings = settings();
        settings.put("timeout_ms", "300");
        return settings;
    }

    private Map<String, String> settings() {
        return new HashMap<>(Map.of("api_key", "KEY0123456789", "from", "+18445550001", "base_url", api.baseUrl(),
                "timeout_ms", "5000"));
    }

    private static String error(String code, String title, String pointer) {
        return "{\"errors\":[{\"code\":\"" + code + "\",\"title\":\"" + title + "\",\"detail\":\"" + title + ".\""
                + (pointer == null ? "" : ",\"source\":{\"pointer\":\"" + pointer + "\"}") + "}]}";
    }

    @Test
    void sendsTheDocumentedRequestAndKeepsTheMessageId() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(OK)));
        Map<String, String> settings = settings();
        settings.put("messaging_profile_id", "400174af-0a13-4e28-b4f5-example12345");
        settings.put("status_callback_url", "https://otp.example.com/otp/webhooks/16");
        var receipt = provider.send(message, settings);
        assertEquals(Outcome.ACCEPTED, receipt.outcome(), receipt.detail());
        assertEquals("40385f64-5717-4562-b3fc-2c963f66afa6", receipt.providerMessageId());
        api.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer KEY0123456789"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"from\":\"+18445550001\",\"to\":\"+14155552671\",\"text\":\"Your code is 123456\","
                        + "\"messaging_profile_id\":\"400174af-0a13-4e28-b4f5-example12345\","
                        + "\"webhook_url\":\"https://otp.example.com/otp/webhooks/16\"}")));
    }

    @Test
    void aMessagingProfileCanStandInForFrom() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withBody(OK)));
        Map<String, String> settings = settings();
        settings.remove("from");
        settings.put("messaging_profile_id", "400174af-0a13-4e28-b4f5-example12345");
        assertEquals(Outcome.ACCEPTED, provider.send(message, settings).outcome());
        api.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("{\"to\":\"+14155552671\","
                + "\"text\":\"Your code is 123456\",\"messaging_profile_id\":\"400174af-0a13-4e28-b4f5-example12345\"}")));
    }

    @Test
    void anInvalidToAddressIsAPermanentRecipientFailure() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(400).withBody(error("40310", "Invalid 'to' address", "/to"))));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertTrue(receipt.recipientFault());
    }

    @Test
    void aRecipientWhoSentStopIsAPermanentRecipientFailure() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(400).withBody(error("40300", "Blocked due to STOP message", null))));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertTrue(receipt.recipientFault());
    }

    @Test
    void failedAuthenticationIsAPermanentFailureOfTheConfiguration() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(401).withBody(error("10009", "Authentication failed", null))));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertFalse(receipt.recipientFault());
    }

    @Test
    void anInvalidFromAddressIsTheConfigurationsFault() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(400).withBody(error("40305", "Invalid 'from' address", "/from"))));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertFalse(receipt.recipientFault());
    }

    @Test
    void tooManyRequestsIsRetriedThenSucceeds() {
        api.stubFor(post(PATH).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withBody(error("10011", "Too many requests", null))).willSetStateTo("calm"));
        api.stubFor(post(PATH).inScenario("busy").whenScenarioStateIs("calm").willReturn(aResponse().withStatus(200).withBody(OK)));
        assertEquals(Outcome.RETRY, provider.send(message, settings()).outcome());
        var second = provider.send(message, settings());
        assertEquals(Outcome.ACCEPTED, second.outcome());
        assertEquals("40385f64-5717-4562-b3fc-2c963f66afa6", second.providerMessageId());
    }

    @Test
    void aTimeoutIsRetried() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withBody(OK).withFixedDelay(1_000)));
        var receipt = provider.send(message, shortTimeout());
        assertEquals(Outcome.RETRY, receipt.outcome());
        assertTrue(receipt.detail().startsWith("Timed out"), receipt.detail());
    }
}
