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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.secure2fa.delivery.spi.CallbackRejectedException;
import org.secure2fa.delivery.spi.CallbackRequest;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.delivery.spi.DeliveryReceipt.Outcome;
import org.secure2fa.delivery.spi.DeliveryRequest;
import org.secure2fa.delivery.spi.StatusUpdate;

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

    // --- status callbacks ---------------------------------------------------------------------------

    private static final String HOOK = "https://otp.example.com/otp/webhooks/13?channel=13&a=1";
    private static final String UUID = "db3ce55a-7f1d-11e1-8ea7-1231380bc196";

    /** HMAC-SHA256 with the auth token, Base64, written out independently of the provider's code. */
    private static String sign(String token, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    private static CallbackRequest callback(String body, Map<String, String> signatureHeaders) {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("content-type", List.of("application/x-www-form-urlencoded"));
        signatureHeaders.forEach((name, value) -> headers.put(name.toLowerCase(), List.of(value)));
        return new CallbackRequest("POST", HOOK, headers, body, Map.of("channel", List.of("13"), "a", List.of("1")));
    }

    private static String deliveredBody() {
        return "To=14155552671&From=14152828726&Status=delivered&MessageUUID=" + UUID + "&Units=1";
    }

    /** Sorted query, a dot, sorted POST parameters as name+value, a dot, the nonce. */
    private static String v3Data(String sortedFields, String nonce) {
        return "https://otp.example.com/otp/webhooks/13?a=1&channel=13." + sortedFields + "." + nonce;
    }

    @Test
    void aCallbackSignedWithV3IsRead() throws Exception {
        String signature = sign("plivo-token-1", v3Data("From14152828726MessageUUID" + UUID
                + "StatusdeliveredTo14155552671Units1", "12345678901234567890"));
        var request = callback(deliveredBody(), Map.of("X-Plivo-Signature-V3", "c2lnbmF0dXJlLW9mLWFub3RoZXItdG9rZW4=," + signature,
                "X-Plivo-Signature-V3-Nonce", "12345678901234567890"));
        assertEquals(List.of(new StatusUpdate(UUID, StatusUpdate.Kind.DELIVERED, null)), provider.parse(request, settings()));
    }

    @Test
    void anUndeliveredMessageCarriesPlivosErrorCode() throws Exception {
        String body = "MessageUUID=" + UUID + "&Status=undelivered&ErrorCode=200";
        String signature = sign("plivo-token-1", v3Data("ErrorCode200MessageUUID" + UUID + "Statusundelivered", "n-2"));
        List<StatusUpdate> updates = provider.parse(callback(body, Map.of("X-Plivo-Signature-V3", signature,
                "X-Plivo-Signature-V3-Nonce", "n-2")), settings());
        assertEquals(StatusUpdate.Kind.UNDELIVERED, updates.get(0).kind());
        assertTrue(updates.get(0).detail().contains("200"));
    }

    @Test
    void aQueryLessUrlSignsAQuestionMarkBeforeThePostParameters() throws Exception {
        String url = "https://otp.example.com/otp/webhooks/13";
        var fields = List.of(Map.entry("Status", "sent"), Map.entry("MessageUUID", UUID));
        assertEquals(sign("plivo-token-1", url + "?MessageUUID" + UUID + "Statussent.n-3"),
                PlivoProvider.signatureV3("plivo-token-1", true, url, fields, "n-3"));
    }

    @Test
    void aV2SignatureIsRefusedUnlessTheChannelAllowsIt() throws Exception {
        // V2 does not cover the status or message id: by default only V3 is believed
        String signature = sign("plivo-token-1", "https://otp.example.com/otp/webhooks/1305429567804466091622");
        var request = callback(deliveredBody(), Map.of("X-Plivo-Signature-V2", signature,
                "X-Plivo-Signature-V2-Nonce", "05429567804466091622"));
        assertThrows(CallbackRejectedException.class, () -> provider.parse(request, settings()));
        Map<String, String> lenient = settings();
        lenient.put("callback_signature", "v3_or_v2");
        assertEquals(StatusUpdate.Kind.DELIVERED, provider.parse(request, lenient).get(0).kind());
    }

    @Test
    void aForgedOrTamperedOrUnsignedCallbackIsRejected() throws Exception {
        String sorted = "From14152828726MessageUUID" + UUID + "StatusdeliveredTo14155552671Units1";
        String forged = sign("someone-elses-token", v3Data(sorted, "n-4"));
        assertThrows(CallbackRejectedException.class, () -> provider.parse(callback(deliveredBody(),
                Map.of("X-Plivo-Signature-V3", forged, "X-Plivo-Signature-V3-Nonce", "n-4")), settings()));
        String good = sign("plivo-token-1", v3Data(sorted, "n-4"));
        assertThrows(CallbackRejectedException.class, () -> provider.parse(callback(deliveredBody().replace("delivered", "failed"),
                Map.of("X-Plivo-Signature-V3", good, "X-Plivo-Signature-V3-Nonce", "n-4")), settings()));
        assertThrows(CallbackRejectedException.class, () -> provider.parse(callback(deliveredBody(),
                Map.of("X-Plivo-Signature-V3", good, "X-Plivo-Signature-V3-Nonce", "n-5")), settings()));
        assertThrows(CallbackRejectedException.class, () -> provider.parse(callback(deliveredBody(), Map.of()), settings()));
    }
}
