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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.secure2fa.delivery.spi.CallbackRejectedException;
import org.secure2fa.delivery.spi.CallbackRequest;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.delivery.spi.DeliveryReceipt.Outcome;
import org.secure2fa.delivery.spi.DeliveryRequest;
import org.secure2fa.delivery.spi.StatusUpdate;

/** Infobip against a local stub of its documented SMS API. */
class InfobipProviderTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/sms/2/text/advanced";

    private final InfobipProvider provider = new InfobipProvider();
    private final DeliveryRequest message = new DeliveryRequest(12, ChannelType.SMS, "+41793026727", null,
            "Your code is 123456", null);

    private Map<String, String> shortTimeout() {
        Map<String, String> settings = settings();
        settings.put("timeout_ms", "300");
        return settings;
    }

    private Map<String, String> settings() {
        return new HashMap<>(Map.of("api_key", "infobip-key-1", "from", "Secure2FA", "base_url", api.baseUrl() + "/",
                "timeout_ms", "5000"));
    }

    private static String answer(int groupId, String group, int id, String name, String description) {
        return "{\"bulkId\":\"2034072219640523072\",\"messages\":[{\"messageId\":\"2250be2d4219-3af1-78856-aabe-1362af1edfd2\","
                + "\"status\":{\"description\":\"" + description + "\",\"groupId\":" + groupId + ",\"groupName\":\"" + group
                + "\",\"id\":" + id + ",\"name\":\"" + name + "\"},\"to\":\"41793026727\"}]}";
    }

    @Test
    void sendsTheDocumentedRequestAndKeepsTheMessageId() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(answer(1, "PENDING", 26, "PENDING_ACCEPTED", "Message sent to next instance"))));
        Map<String, String> settings = settings();
        settings.put("status_callback_url", "https://otp.example.com/otp/webhooks/15");
        var receipt = provider.send(message, settings);
        assertEquals(Outcome.ACCEPTED, receipt.outcome(), receipt.detail());
        assertEquals("2250be2d4219-3af1-78856-aabe-1362af1edfd2", receipt.providerMessageId());
        api.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("App infobip-key-1"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"messages\":[{\"from\":\"Secure2FA\",\"destinations\":[{\"to\":\"41793026727\"}],"
                        + "\"text\":\"Your code is 123456\",\"callbackData\":\"12\","
                        + "\"notifyUrl\":\"https://otp.example.com/otp/webhooks/15\",\"notifyContentType\":\"application/json\"}]}")));
    }

    @Test
    void anInvalidDestinationIsAPermanentRecipientFailure() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
                .withBody(answer(5, "REJECTED", 52, "REJECTED_INVALID_DESTINATION", "Invalid destination address"))));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertTrue(receipt.recipientFault());
        assertTrue(receipt.detail().contains("REJECTED_INVALID_DESTINATION"));
    }

    @Test
    void aRejectedSenderIsTheConfigurationsFault() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
                .withBody(answer(5, "REJECTED", 11, "REJECTED_SOURCE", "Invalid source address"))));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertFalse(receipt.recipientFault());
    }

    @Test
    void aTrialAccountsUnregisteredDestinationIsTheConfigurationsFaultAndFailsOver() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withBody(answer(5, "REJECTED", 51,
                "REJECTED_DESTINATION_NOT_REGISTERED", "Destination not registered"))));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertFalse(receipt.recipientFault(), "a free trial account may only send to its own numbers");
        assertTrue(receipt.detail().contains("REJECTED_DESTINATION_NOT_REGISTERED"));
    }

    @Test
    void aBadApiKeyIsAPermanentFailureOfTheConfiguration() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(401).withBody(
                "{\"requestError\":{\"serviceException\":{\"messageId\":\"UNAUTHORIZED\",\"text\":\"Invalid login details\"}}}")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome(), receipt.detail());
        assertFalse(receipt.recipientFault());
    }

    @Test
    void tooManyRequestsIsRetriedThenSucceeds() {
        api.stubFor(post(PATH).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withBody("{\"requestError\":{\"serviceException\":"
                        + "{\"messageId\":\"TOO_MANY_REQUESTS\",\"text\":\"Too many requests\"}}}")).willSetStateTo("calm"));
        api.stubFor(post(PATH).inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(200).withBody(answer(1, "PENDING", 26, "PENDING_ACCEPTED", "ok"))));
        assertEquals(Outcome.RETRY, provider.send(message, settings()).outcome());
        var second = provider.send(message, settings());
        assertEquals(Outcome.ACCEPTED, second.outcome());
        assertEquals("2250be2d4219-3af1-78856-aabe-1362af1edfd2", second.providerMessageId());
    }

    @Test
    void aTimeoutIsRetried() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withBody(answer(1, "PENDING", 26, "PENDING_ACCEPTED", "ok"))
                .withFixedDelay(1_000)));
        var receipt = provider.send(message, shortTimeout());
        assertEquals(Outcome.RETRY, receipt.outcome());
        assertTrue(receipt.detail().startsWith("Timed out"), receipt.detail());
    }

    @Test
    void theAccountBaseUrlIsRequired() {
        Map<String, String> settings = settings();
        settings.remove("base_url");
        assertThrows(IllegalArgumentException.class, () -> provider.send(message, settings));
    }

    // --- delivery reports ---------------------------------------------------------------------------

    private static final String REPORT = "{\"results\":[{\"bulkId\":\"BULK-1\",\"messageId\":\"MSG-1\",\"to\":\"41793026727\","
            + "\"sentAt\":\"2026-03-04T05:06:07.000+0000\",\"doneAt\":\"2026-03-04T05:06:09.000+0000\",\"smsCount\":1,"
            + "\"status\":{\"groupId\":3,\"groupName\":\"DELIVERED\",\"id\":5,\"name\":\"DELIVERED_TO_HANDSET\"},"
            + "\"error\":{\"groupId\":0,\"groupName\":\"OK\",\"id\":0,\"name\":\"NO_ERROR\",\"permanent\":false}},"
            + "{\"messageId\":\"MSG-2\",\"to\":\"41793026728\",\"status\":{\"groupId\":2,\"groupName\":\"UNDELIVERABLE\","
            + "\"id\":9,\"name\":\"UNDELIVERABLE_NOT_DELIVERED\"},\"error\":{\"groupId\":1,\"groupName\":\"HANDSET_ERRORS\","
            + "\"id\":27,\"name\":\"EC_ABSENT_SUBSCRIBER\",\"permanent\":false}},"
            + "{\"messageId\":\"MSG-3\",\"status\":{\"groupId\":4,\"groupName\":\"EXPIRED\",\"id\":15,\"name\":\"EXPIRED_EXPIRED\"}},"
            + "{\"messageId\":\"MSG-4\",\"status\":{\"groupId\":5,\"groupName\":\"REJECTED\",\"id\":14,\"name\":\"REJECTED_DESTINATION\"}},"
            + "{\"messageId\":\"MSG-5\",\"status\":{\"groupId\":1,\"groupName\":\"PENDING\",\"id\":7,\"name\":\"PENDING_ENROUTE\"}}]}";

    private Map<String, String> reportSettings() {
        Map<String, String> settings = settings();
        settings.put("webhook_username", "infobip-reports");
        settings.put("webhook_password", "s3cret:with-colon");
        return settings;
    }

    private static CallbackRequest report(String authorization) {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("content-type", List.of("application/json"));
        if (authorization != null) {
            headers.put("authorization", List.of(authorization));
        }
        return new CallbackRequest("POST", "https://otp.example.com/otp/webhooks/15", headers, REPORT, Map.of());
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAuthenticatedReportYieldsEveryFinalStatus() throws Exception {
        List<StatusUpdate> updates = provider.parse(report(basic("infobip-reports:s3cret:with-colon")), reportSettings());
        assertEquals(4, updates.size());
        assertEquals(new StatusUpdate("MSG-1", StatusUpdate.Kind.DELIVERED, null), updates.get(0));
        assertEquals("MSG-2", updates.get(1).providerMessageId());
        assertEquals(StatusUpdate.Kind.UNDELIVERED, updates.get(1).kind());
        assertTrue(updates.get(1).detail().contains("EC_ABSENT_SUBSCRIBER"));
        assertEquals(StatusUpdate.Kind.UNDELIVERED, updates.get(2).kind());
        assertEquals("MSG-4", updates.get(3).providerMessageId());
        assertEquals(StatusUpdate.Kind.UNDELIVERED, updates.get(3).kind());
    }

    @Test
    void aReportWithWrongMissingOrMalformedCredentialsIsRejected() {
        assertThrows(CallbackRejectedException.class,
                () -> provider.parse(report(basic("infobip-reports:guess")), reportSettings()));
        assertThrows(CallbackRejectedException.class,
                () -> provider.parse(report(basic("someone:s3cret:with-colon")), reportSettings()));
        assertThrows(CallbackRejectedException.class, () -> provider.parse(report(null), reportSettings()));
        assertThrows(CallbackRejectedException.class, () -> provider.parse(report("Bearer infobip-reports"), reportSettings()));
        assertThrows(CallbackRejectedException.class, () -> provider.parse(report("Basic %%%"), reportSettings()));
    }

    @Test
    void withoutConfiguredCredentialsEveryReportIsRejected() {
        assertThrows(CallbackRejectedException.class,
                () -> provider.parse(report(basic("infobip-reports:s3cret:with-colon")), settings()));
    }
}
