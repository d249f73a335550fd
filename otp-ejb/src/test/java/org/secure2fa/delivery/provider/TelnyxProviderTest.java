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
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
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

    // --- webhooks -----------------------------------------------------------------------------------

    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

    private static KeyPair keyPair() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    /** The public key as Mission Control shows it: Base64 of the raw 32 bytes (the X.509 encoding's tail). */
    private static String raw(KeyPair pair) {
        byte[] encoded = pair.getPublic().getEncoded();
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }

    private static String sign(KeyPair pair, String timestamp, String body) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update((timestamp + "|" + body).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    private Map<String, String> webhookSettings(KeyPair pair) {
        provider.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Map<String, String> settings = settings();
        settings.put("webhook_public_key", raw(pair));
        return settings;
    }

    private static CallbackRequest webhook(String body, String timestamp, String signature) {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("content-type", List.of("application/json"));
        if (timestamp != null) {
            headers.put("telnyx-timestamp", List.of(timestamp));
        }
        if (signature != null) {
            headers.put("telnyx-signature-ed25519", List.of(signature));
        }
        return new CallbackRequest("POST", "https://otp.example.com/otp/webhooks/16", headers, body, Map.of());
    }

    private static String finalized(String status, String errors) {
        return "{\"data\":{\"event_type\":\"message.finalized\",\"id\":\"b301ed3f-1490-491f-995f-6e64e69674d4\","
                + "\"occurred_at\":\"2026-03-04T05:06:00.000+00:00\",\"payload\":{\"id\":\"40385f64-5717-4562-b3fc-2c963f66afa6\","
                + "\"direction\":\"outbound\",\"to\":[{\"phone_number\":\"+14155552671\",\"status\":\"" + status + "\","
                + "\"line_type\":\"Wireless\"}],\"errors\":" + errors + "},\"record_type\":\"event\"},"
                + "\"meta\":{\"attempt\":1,\"delivered_to\":\"https://otp.example.com/otp/webhooks/16\"}}";
    }

    @Test
    void aSignedFinalizedDeliveryIsADelivery() throws Exception {
        KeyPair pair = keyPair();
        String timestamp = Long.toString(NOW.getEpochSecond() - 5);
        String body = finalized("delivered", "[]");
        assertEquals(List.of(new StatusUpdate("40385f64-5717-4562-b3fc-2c963f66afa6", StatusUpdate.Kind.DELIVERED, null)),
                provider.parse(webhook(body, timestamp, sign(pair, timestamp, body)), webhookSettings(pair)));
    }

    @Test
    void aFailedDeliveryIsUndeliveredWithTelnyxsError() throws Exception {
        KeyPair pair = keyPair();
        String timestamp = Long.toString(NOW.getEpochSecond());
        String body = finalized("delivery_failed", "[{\"code\":\"40001\",\"title\":\"Not routable\"}]");
        List<StatusUpdate> updates = provider.parse(webhook(body, timestamp, sign(pair, timestamp, body)), webhookSettings(pair));
        assertEquals(StatusUpdate.Kind.UNDELIVERED, updates.get(0).kind());
        assertTrue(updates.get(0).detail().contains("40001"));
        String sendingFailed = finalized("sending_failed", "[]");
        assertEquals(StatusUpdate.Kind.UNDELIVERED, provider.parse(webhook(sendingFailed, timestamp,
                sign(pair, timestamp, sendingFailed)), webhookSettings(pair)).get(0).kind());
    }

    @Test
    void otherEventsAndUnconfirmedDeliveriesAreSkipped() throws Exception {
        KeyPair pair = keyPair();
        String timestamp = Long.toString(NOW.getEpochSecond());
        String sent = finalized("sent", "[]").replace("message.finalized", "message.sent");
        assertEquals(List.of(), provider.parse(webhook(sent, timestamp, sign(pair, timestamp, sent)), webhookSettings(pair)));
        String unconfirmed = finalized("delivery_unconfirmed", "[]");
        assertEquals(List.of(), provider.parse(webhook(unconfirmed, timestamp, sign(pair, timestamp, unconfirmed)),
                webhookSettings(pair)));
    }

    @Test
    void anX509EncodedPublicKeyIsAcceptedToo() throws Exception {
        KeyPair pair = keyPair();
        String timestamp = Long.toString(NOW.getEpochSecond());
        String body = finalized("delivered", "[]");
        Map<String, String> settings = webhookSettings(pair);
        settings.put("webhook_public_key", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        assertEquals(1, provider.parse(webhook(body, timestamp, sign(pair, timestamp, body)), settings).size());
    }

    @Test
    void aForgedTamperedStaleOrUnsignedWebhookIsRejected() throws Exception {
        KeyPair pair = keyPair();
        KeyPair other = keyPair();
        String timestamp = Long.toString(NOW.getEpochSecond());
        String body = finalized("delivered", "[]");
        Map<String, String> settings = webhookSettings(pair);
        assertThrows(CallbackRejectedException.class,
                () -> provider.parse(webhook(body, timestamp, sign(other, timestamp, body)), settings));
        String good = sign(pair, timestamp, body);
        assertThrows(CallbackRejectedException.class,
                () -> provider.parse(webhook(finalized("delivery_failed", "[]"), timestamp, good), settings));
        String later = Long.toString(NOW.getEpochSecond() + 1);
        assertThrows(CallbackRejectedException.class, () -> provider.parse(webhook(body, later, good), settings));
        String stale = Long.toString(NOW.getEpochSecond() - 601);
        assertThrows(CallbackRejectedException.class,
                () -> provider.parse(webhook(body, stale, sign(pair, stale, body)), settings));
        assertThrows(CallbackRejectedException.class, () -> provider.parse(webhook(body, timestamp, null), settings));
        assertThrows(CallbackRejectedException.class, () -> provider.parse(webhook(body, null, good), settings));
        assertThrows(CallbackRejectedException.class, () -> provider.parse(webhook(body, timestamp, "not base64!"), settings));
    }
}
