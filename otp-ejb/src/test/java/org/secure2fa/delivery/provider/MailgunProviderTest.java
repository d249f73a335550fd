package org.secure2fa.delivery.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.delivery.spi.DeliveryReceipt.Outcome;
import org.secure2fa.delivery.spi.DeliveryRequest;

/** Mailgun against a local stub of its documented Messages API. */
class MailgunProviderTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/v3/mg.example.com/messages";
    private static final String QUEUED = """
            {"id":"<20111114174239.25659.5817@mg.example.com>","message":"Queued. Thank you."}""";

    private final MailgunProvider provider = new MailgunProvider();
    private final DeliveryRequest message = new DeliveryRequest(1, ChannelType.EMAIL, "alice+otp@example.com",
            "Your login code", "Your code is 123456 & more", "<b>123456</b>");

    private Map<String, String> settings() {
        return new HashMap<>(Map.of("api_key", "key-3ax6xnjp29jd6fds4gc373sgvjxteol0", "domain", "mg.example.com",
                "from", "Example OTP <otp@mg.example.com>", "base_url", api.baseUrl(), "timeout_ms", "5000"));
    }

    @Test
    void sendsTheDocumentedRequestAndKeepsTheMessageId() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(QUEUED)));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.ACCEPTED, receipt.outcome(), receipt.detail());
        assertEquals("20111114174239.25659.5817@mg.example.com", receipt.providerMessageId());
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                "api:key-3ax6xnjp29jd6fds4gc373sgvjxteol0".getBytes(StandardCharsets.UTF_8));
        api.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo(basic))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("from", equalTo("Example OTP <otp@mg.example.com>"))
                .withFormParam("to", equalTo("alice+otp@example.com"))
                .withFormParam("subject", equalTo("Your login code"))
                .withFormParam("text", equalTo("Your code is 123456 & more"))
                .withFormParam("html", equalTo("<b>123456</b>")));
    }

    @Test
    void noHtmlFieldWithoutAnHtmlBody() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withBody(QUEUED)));
        var receipt = provider.send(new DeliveryRequest(2, ChannelType.EMAIL, "bob@example.com", "Code", "654321",
                null), settings());
        assertEquals(Outcome.ACCEPTED, receipt.outcome(), receipt.detail());
        api.verify(postRequestedFor(urlEqualTo(PATH)).withFormParam("text", equalTo("654321"))
                .withFormParam("html", absent()));
    }

    @Test
    void anInvalidRecipientIsAPermanentRecipientFailure() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(400)
                .withBody("{\"message\":\"'to' parameter is not a valid address. please check documentation\"}")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertTrue(receipt.recipientFault());
    }

    @Test
    void aBadKeyIsAPermanentFailureOfTheConfiguration() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(401).withBody("Forbidden")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertFalse(receipt.recipientFault());
    }

    @Test
    void anUnknownDomainIsAPermanentFailureOfTheConfiguration() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(404)
                .withBody("{\"message\":\"Domain not found: mg.example.com\"}")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertFalse(receipt.recipientFault());
    }

    @Test
    void aRateLimitIsRetriedThenSucceeds() {
        api.stubFor(post(PATH).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withBody("{\"message\":\"Too many requests\"}"))
                .willSetStateTo("open"));
        api.stubFor(post(PATH).inScenario("limited").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(200).withBody(QUEUED)));
        assertEquals(Outcome.RETRY, provider.send(message, settings()).outcome());
        var second = provider.send(message, settings());
        assertEquals(Outcome.ACCEPTED, second.outcome());
        assertEquals("20111114174239.25659.5817@mg.example.com", second.providerMessageId());
    }

    @Test
    void aTimeoutIsRetried() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withBody(QUEUED).withFixedDelay(2_000)));
        Map<String, String> settings = settings();
        settings.put("timeout_ms", "300");
        assertEquals(Outcome.RETRY, provider.send(message, settings).outcome());
    }
}
