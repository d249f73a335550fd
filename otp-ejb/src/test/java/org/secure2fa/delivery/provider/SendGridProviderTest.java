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
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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

    // --- Event Webhook ---------------------------------------------------------------------------

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    private static final String EVENTS = """
            [{"email":"alice@example.com","timestamp":1795601700,"event":"processed",
              "sg_event_id":"ev-0","sg_message_id":"W86EgYT6SQKk0lRflfLRsA.recvd-5f4b8f8c4-abcde-1-6543210F-2.0"},
             {"email":"alice@example.com","timestamp":1795601720,"event":"delivered","response":"250 OK",
              "sg_event_id":"ev-1","sg_message_id":"W86EgYT6SQKk0lRflfLRsA.recvd-5f4b8f8c4-abcde-1-6543210F-2.0"},
             {"email":"bob@example.com","timestamp":1795601721,"event":"bounce","type":"bounce",
              "reason":"550 5.1.1 The email account that you tried to reach does not exist.",
              "sg_event_id":"ev-2","sg_message_id":"Xb1cOQ2bT9uYz0123456Aa.recvd-5f4b8f8c4-abcde-1-6543210F-3.0"},
             {"email":"carol@example.com","timestamp":1795601722,"event":"dropped","reason":"Bounced Address",
              "sg_event_id":"ev-3","sg_message_id":"Cc3dPR4cU0vZa1234567Bb.recvd-5f4b8f8c4-abcde-1-6543210F-4.0"},
             {"email":"dave@example.com","timestamp":1795601723,"event":"spamreport",
              "sg_event_id":"ev-4","sg_message_id":"Dd4eQS5dV1wAb2345678Cc.recvd-5f4b8f8c4-abcde-1-6543210F-5.0"},
             {"email":"alice@example.com","timestamp":1795601724,"event":"open",
              "sg_event_id":"ev-5","sg_message_id":"W86EgYT6SQKk0lRflfLRsA.recvd-5f4b8f8c4-abcde-1-6543210F-2.0"}]""";

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String sign(KeyPair keys, String timestamp, String body) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    private static CallbackRequest callback(Map<String, List<String>> headers, String body) {
        return new CallbackRequest("POST", "https://otp.example.com/otp/webhooks/7", headers, body, Map.of());
    }

    private static Map<String, String> webhookSettings(KeyPair keys) {
        return Map.of("webhook_verification_key", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
    }

    private SendGridProvider fixedClock() {
        SendGridProvider fixed = new SendGridProvider();
        fixed.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return fixed;
    }

    @Test
    void aSignedEventWebhookYieldsTheFinalStatuses() throws Exception {
        KeyPair keys = keyPair();
        String timestamp = String.valueOf(NOW.getEpochSecond() - 30);
        var headers = Map.of("x-twilio-email-event-webhook-signature", List.of(sign(keys, timestamp, EVENTS)),
                "x-twilio-email-event-webhook-timestamp", List.of(timestamp));
        List<StatusUpdate> updates = fixedClock().parse(callback(headers, EVENTS), webhookSettings(keys));
        assertEquals(4, updates.size(), updates.toString());
        assertEquals("W86EgYT6SQKk0lRflfLRsA", updates.get(0).providerMessageId());
        assertEquals(StatusUpdate.Kind.DELIVERED, updates.get(0).kind());
        assertEquals("Xb1cOQ2bT9uYz0123456Aa", updates.get(1).providerMessageId());
        assertEquals(StatusUpdate.Kind.BOUNCED, updates.get(1).kind());
        assertTrue(updates.get(1).detail().contains("550 5.1.1"));
        assertEquals("Cc3dPR4cU0vZa1234567Bb", updates.get(2).providerMessageId());
        assertEquals(StatusUpdate.Kind.BOUNCED, updates.get(2).kind());
        assertEquals("Dd4eQS5dV1wAb2345678Cc", updates.get(3).providerMessageId());
        assertEquals(StatusUpdate.Kind.BOUNCED, updates.get(3).kind());
    }

    @Test
    void aPemArmouredVerificationKeyIsAccepted() throws Exception {
        KeyPair keys = keyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        String timestamp = String.valueOf(NOW.getEpochSecond());
        var headers = Map.of("x-twilio-email-event-webhook-signature", List.of(sign(keys, timestamp, EVENTS)),
                "x-twilio-email-event-webhook-timestamp", List.of(timestamp));
        assertEquals(4, fixedClock().parse(callback(headers, EVENTS), Map.of("webhook_verification_key", pem)).size());
    }

    @Test
    void anEventWebhookSignedWithAnotherKeyIsRejected() throws Exception {
        KeyPair configured = keyPair();
        KeyPair forger = keyPair();
        String timestamp = String.valueOf(NOW.getEpochSecond());
        var headers = Map.of("x-twilio-email-event-webhook-signature", List.of(sign(forger, timestamp, EVENTS)),
                "x-twilio-email-event-webhook-timestamp", List.of(timestamp));
        assertThrows(CallbackRejectedException.class,
                () -> fixedClock().parse(callback(headers, EVENTS), webhookSettings(configured)));
    }

    @Test
    void aTamperedBodyIsRejected() throws Exception {
        KeyPair keys = keyPair();
        String timestamp = String.valueOf(NOW.getEpochSecond());
        var headers = Map.of("x-twilio-email-event-webhook-signature", List.of(sign(keys, timestamp, EVENTS)),
                "x-twilio-email-event-webhook-timestamp", List.of(timestamp));
        String tampered = EVENTS.replace("\"event\":\"bounce\"", "\"event\":\"delivered\"");
        assertThrows(CallbackRejectedException.class,
                () -> fixedClock().parse(callback(headers, tampered), webhookSettings(keys)));
    }

    @Test
    void anUnsignedEventWebhookIsRejected() throws Exception {
        KeyPair keys = keyPair();
        var headers = Map.of("x-twilio-email-event-webhook-timestamp", List.of(String.valueOf(NOW.getEpochSecond())));
        assertThrows(CallbackRejectedException.class,
                () -> fixedClock().parse(callback(headers, EVENTS), webhookSettings(keys)));
        var noTimestamp = Map.of("x-twilio-email-event-webhook-signature",
                List.of(sign(keys, String.valueOf(NOW.getEpochSecond()), EVENTS)));
        assertThrows(CallbackRejectedException.class,
                () -> fixedClock().parse(callback(noTimestamp, EVENTS), webhookSettings(keys)));
    }

    @Test
    void aStaleEventWebhookIsRejectedEvenWhenSigned() throws Exception {
        KeyPair keys = keyPair();
        String timestamp = String.valueOf(NOW.getEpochSecond() - 11 * 60);
        var headers = Map.of("x-twilio-email-event-webhook-signature", List.of(sign(keys, timestamp, EVENTS)),
                "x-twilio-email-event-webhook-timestamp", List.of(timestamp));
        assertThrows(CallbackRejectedException.class,
                () -> fixedClock().parse(callback(headers, EVENTS), webhookSettings(keys)));
    }

    @Test
    void withoutAVerificationKeyEveryCallbackIsRejected() throws Exception {
        KeyPair keys = keyPair();
        String timestamp = String.valueOf(NOW.getEpochSecond());
        var headers = Map.of("x-twilio-email-event-webhook-signature", List.of(sign(keys, timestamp, EVENTS)),
                "x-twilio-email-event-webhook-timestamp", List.of(timestamp));
        assertThrows(CallbackRejectedException.class, () -> fixedClock().parse(callback(headers, EVENTS), Map.of()));
    }
}
