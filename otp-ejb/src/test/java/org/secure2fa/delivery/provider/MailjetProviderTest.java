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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.delivery.spi.DeliveryReceipt.Outcome;
import org.secure2fa.delivery.spi.DeliveryRequest;

/** Mailjet against a local stub of its documented Send API v3.1. */
class MailjetProviderTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String SUCCESS = """
            {"Messages":[{"Status":"success","CustomID":"","To":[{"Email":"alice@example.com",
            "MessageUUID":"123e4567-e89b-12d3-a456-426614174000","MessageID":70650219165027410,
            "MessageHref":"https://api.mailjet.com/v3/REST/message/70650219165027410"}],"Cc":[],"Bcc":[]}]}""";

    private final MailjetProvider provider = new MailjetProvider();
    private final DeliveryRequest message = new DeliveryRequest(1, ChannelType.EMAIL, "alice@example.com",
            "Your login code", "Your code is 123456", "<b>123456</b>");

    private Map<String, String> settings() {
        return new HashMap<>(Map.of("api_key", "public-key-1", "secret_key", "secret-key-1", "from", "otp@example.com",
                "from_name", "Example OTP", "base_url", api.baseUrl(), "timeout_ms", "5000"));
    }

    @Test
    void sendsTheDocumentedRequestAndKeepsTheMessageId() {
        api.stubFor(post("/v3.1/send").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(SUCCESS)));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.ACCEPTED, receipt.outcome(), receipt.detail());
        assertEquals("70650219165027410", receipt.providerMessageId());
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                "public-key-1:secret-key-1".getBytes(StandardCharsets.UTF_8));
        api.verify(postRequestedFor(urlEqualTo("/v3.1/send"))
                .withHeader("Authorization", equalTo(basic))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"Messages":[{"From":{"Email":"otp@example.com","Name":"Example OTP"},
                         "To":[{"Email":"alice@example.com"}],"Subject":"Your login code",
                         "TextPart":"Your code is 123456","HTMLPart":"<b>123456</b>"}]}""")));
    }

    @Test
    void anInvalidRecipientAddressIsAPermanentRecipientFailure() {
        api.stubFor(post("/v3.1/send").willReturn(aResponse().withStatus(400).withBody("""
                {"Messages":[{"Status":"error","Errors":[{"ErrorIdentifier":"f987008f-251a-4dff-8ffc-40f1583ad7bc",
                "ErrorCode":"mj-0013","StatusCode":400,"ErrorMessage":"\\"alice@\\" is an invalid email address.",
                "ErrorRelatedTo":["To[0].Email"]}]}]}""")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertTrue(receipt.recipientFault());
    }

    @Test
    void anInvalidSenderAddressIsAFailureOfTheConfiguration() {
        api.stubFor(post("/v3.1/send").willReturn(aResponse().withStatus(400).withBody("""
                {"Messages":[{"Status":"error","Errors":[{"ErrorIdentifier":"0d2c9f3a-0000-4000-8000-000000000001",
                "ErrorCode":"mj-0013","StatusCode":400,"ErrorMessage":"\\"otp@\\" is an invalid email address.",
                "ErrorRelatedTo":["From.Email"]}]}]}""")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertFalse(receipt.recipientFault());
    }

    @Test
    void badCredentialsAreAPermanentFailureOfTheConfiguration() {
        api.stubFor(post("/v3.1/send").willReturn(aResponse().withStatus(401).withBody("""
                {"ErrorIdentifier":"06df1144-c6f3-4ca7-8885-7ec5d4344113","ErrorCode":"mj-0001","StatusCode":401,
                "ErrorMessage":"API key authentication/authorization failure. You may be unauthorized to access the API or your API key may be expired. Visit API keys management section to check your keys."}""")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertFalse(receipt.recipientFault());
    }

    @Test
    void anErrorStatusInA200IsNotASuccess() {
        api.stubFor(post("/v3.1/send").willReturn(aResponse().withStatus(200).withBody("""
                {"Messages":[{"Status":"error","Errors":[{"ErrorIdentifier":"88b5ca9f-5f1f-42e7-a45e-9ecbad0c285e",
                "ErrorCode":"send-0003","StatusCode":400,
                "ErrorMessage":"At least \\"HTMLPart\\", \\"TextPart\\" or \\"TemplateID\\" must be provided.",
                "ErrorRelatedTo":["HTMLPart","TextPart"]}]}]}""")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertFalse(receipt.recipientFault());
    }

    @Test
    void anOutageIsRetriedThenSucceeds() {
        api.stubFor(post("/v3.1/send").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        api.stubFor(post("/v3.1/send").inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withBody(SUCCESS)));
        assertEquals(Outcome.RETRY, provider.send(message, settings()).outcome());
        var second = provider.send(message, settings());
        assertEquals(Outcome.ACCEPTED, second.outcome());
        assertEquals("70650219165027410", second.providerMessageId());
    }

    @Test
    void aTimeoutIsRetried() {
        api.stubFor(post("/v3.1/send").willReturn(aResponse().withStatus(200).withBody(SUCCESS).withFixedDelay(2_000)));
        Map<String, String> settings = settings();
        settings.put("timeout_ms", "300");
        assertEquals(Outcome.RETRY, provider.send(message, settings).outcome());
    }
}
