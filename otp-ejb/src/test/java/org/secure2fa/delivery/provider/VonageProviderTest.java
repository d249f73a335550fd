package org.secure2fa.delivery.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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

/** Vonage against a local stub of its documented SMS API. */
class VonageProviderTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final VonageProvider provider = new VonageProvider();
    private final DeliveryRequest message = new DeliveryRequest(9, ChannelType.SMS, "+447700900000", null,
            "Your code is 123456", null);

    private Map<String, String> shortTimeout() {
        Map<String, String> settings = settings();
        settings.put("timeout_ms", "300");
        return settings;
    }

    private Map<String, String> settings() {
        return new HashMap<>(Map.of("api_key", "abcd1234", "api_secret", "vonage-secret-1", "from", "Secure2FA",
                "base_url", api.baseUrl(), "timeout_ms", "5000"));
    }

    private static String answer(String status, String extra) {
        return "{\"message-count\":\"1\",\"messages\":[{\"to\":\"447700900000\",\"status\":\"" + status + "\"" + extra + "}]}";
    }

    @Test
    void sendsTheDocumentedRequestAndKeepsTheMessageId() {
        api.stubFor(post("/sms/json").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(answer("0", ",\"message-id\":\"0C000000217B7F02\",\"remaining-balance\":\"15.53590000\","
                        + "\"message-price\":\"0.03330000\",\"network\":\"23410\""))));
        Map<String, String> settings = settings();
        settings.put("status_callback_url", "https://otp.example.com/otp/webhooks/14");
        var receipt = provider.send(message, settings);
        assertEquals(Outcome.ACCEPTED, receipt.outcome(), receipt.detail());
        assertEquals("0C000000217B7F02", receipt.providerMessageId());
        api.verify(postRequestedFor(urlEqualTo("/sms/json"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("api_key", equalTo("abcd1234"))
                .withFormParam("api_secret", equalTo("vonage-secret-1"))
                .withFormParam("from", equalTo("Secure2FA"))
                .withFormParam("to", equalTo("447700900000"))
                .withFormParam("text", equalTo("Your code is 123456"))
                .withFormParam("client-ref", equalTo("9"))
                .withFormParam("callback", equalTo("https://otp.example.com/otp/webhooks/14"))
                .withoutFormParam("type"));
    }

    @Test
    void aTextOutsideGsm7GoesAsUnicode() {
        api.stubFor(post("/sms/json").willReturn(aResponse().withStatus(200).withBody(answer("0", ",\"message-id\":\"m-2\""))));
        Map<String, String> settings = settings();
        settings.put("from", "+14155550100");
        var receipt = provider.send(new DeliveryRequest(10, ChannelType.SMS, "+79161234567", null, "Ваш код 123456", null), settings);
        assertEquals("m-2", receipt.providerMessageId());
        api.verify(postRequestedFor(urlEqualTo("/sms/json"))
                .withFormParam("type", equalTo("unicode"))
                .withFormParam("from", equalTo("14155550100"))
                .withFormParam("to", equalTo("79161234567"))
                .withFormParam("text", equalTo("Ваш код 123456"))
                .withRequestBody(containing("text=%D0%92%D0%B0%D1%88")));
    }

    @Test
    void aBarredNumberIsAPermanentRecipientFailure() {
        api.stubFor(post("/sms/json").willReturn(aResponse().withStatus(200)
                .withBody(answer("7", ",\"error-text\":\"Number barred.\""))));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertTrue(receipt.recipientFault());
        assertTrue(receipt.detail().contains("Number barred"));
    }

    @Test
    void invalidCredentialsAreAPermanentFailureOfTheConfiguration() {
        api.stubFor(post("/sms/json").willReturn(aResponse().withStatus(200)
                .withBody(answer("4", ",\"error-text\":\"Bad Credentials\""))));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertFalse(receipt.recipientFault());
    }

    @Test
    void aNonWhitelistedDestinationOfATrialAccountIsTheConfigurationsFault() {
        api.stubFor(post("/sms/json").willReturn(aResponse().withStatus(200)
                .withBody(answer("29", ",\"error-text\":\"Non White-listed Destination - rejected\""))));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertFalse(receipt.recipientFault());
    }

    @Test
    void throttlingInsideA200IsRetried() {
        api.stubFor(post("/sms/json").willReturn(aResponse().withStatus(200)
                .withBody(answer("1", ",\"error-text\":\"Throughput Rate Exceeded - please wait [ 30 ] and retry\""))));
        assertEquals(Outcome.RETRY, provider.send(message, settings()).outcome());
    }

    @Test
    void aServerErrorIsRetriedThenSucceeds() {
        api.stubFor(post("/sms/json").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        api.stubFor(post("/sms/json").inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withBody(answer("0", ",\"message-id\":\"m-3\""))));
        assertEquals(Outcome.RETRY, provider.send(message, settings()).outcome());
        var second = provider.send(message, settings());
        assertEquals(Outcome.ACCEPTED, second.outcome());
        assertEquals("m-3", second.providerMessageId());
    }

    @Test
    void aTimeoutIsRetried() {
        api.stubFor(post("/sms/json").willReturn(aResponse().withStatus(200).withBody(answer("0", ",\"message-id\":\"m-4\""))
                .withFixedDelay(1_000)));
        var receipt = provider.send(message, shortTimeout());
        assertEquals(Outcome.RETRY, receipt.outcome());
        assertTrue(receipt.detail().startsWith("Timed out"), receipt.detail());
    }
}
