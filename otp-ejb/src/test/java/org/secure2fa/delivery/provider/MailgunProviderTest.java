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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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

    // --- Webhooks --------------------------------------------------------------------------------

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    private static final String SIGNING_KEY = "0123456789abcdef0123456789abcdef-1a2b3c4d-5e6f7a8b";
    private static final String TOKEN = "a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0";

    private MailgunProvider fixedClock() {
        MailgunProvider fixed = new MailgunProvider();
        fixed.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return fixed;
    }

    /** A webhook body as Mailgun posts it, signed with the given key and timestamp. */
    private static String webhook(String key, long timestamp, String eventData) {
        String signature;
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            signature = java.util.HexFormat.of().formatHex(
                    mac.doFinal((timestamp + TOKEN).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return "{\"signature\":{\"timestamp\":\"" + timestamp + "\",\"token\":\"" + TOKEN
                + "\",\"signature\":\"" + signature + "\"},\"event-data\":" + eventData + "}";
    }

    private static CallbackRequest callback(String body) {
        return new CallbackRequest("POST", "https://otp.example.com/otp/webhooks/9",
                Map.of("content-type", List.of("application/json")), body, Map.of());
    }

    private static final Map<String, String> WEBHOOK_SETTINGS = Map.of("webhook_signing_key", SIGNING_KEY);

    private static final String DELIVERED = """
            {"event":"delivered","id":"CPgfbmQMTCKtHW6uIWtuVe","timestamp":1795601700.1,
             "recipient":"alice@example.com","delivery-status":{"code":250,"message":"OK","description":""},
             "message":{"headers":{"to":"alice@example.com","message-id":"20111114174239.25659.5817@mg.example.com",
             "from":"otp@mg.example.com","subject":"Your login code"}}}""";

    @Test
    void aSignedDeliveredWebhookYieldsDelivered() throws Exception {
        String body = webhook(SIGNING_KEY, NOW.getEpochSecond() - 20, DELIVERED);
        List<StatusUpdate> updates = fixedClock().parse(callback(body), WEBHOOK_SETTINGS);
        assertEquals(List.of(new StatusUpdate("20111114174239.25659.5817@mg.example.com",
                StatusUpdate.Kind.DELIVERED, "OK")), updates);
    }

    @Test
    void aPermanentFailureIsABounceAndATemporaryOneIsSkipped() throws Exception {
        String permanent = """
                {"event":"failed","severity":"permanent","reason":"bounce","recipient":"bob@example.com",
                 "delivery-status":{"code":550,"message":"5.1.1 The email account that you tried to reach does not exist.",
                 "description":""},"message":{"headers":{"message-id":"<20111114174240.1.2@mg.example.com>"}}}""";
        List<StatusUpdate> updates = fixedClock().parse(callback(webhook(SIGNING_KEY, NOW.getEpochSecond(), permanent)),
                WEBHOOK_SETTINGS);
        assertEquals(1, updates.size());
        assertEquals("20111114174240.1.2@mg.example.com", updates.get(0).providerMessageId());
        assertEquals(StatusUpdate.Kind.BOUNCED, updates.get(0).kind());
        assertTrue(updates.get(0).detail().startsWith("bounce: 5.1.1"));

        String temporary = permanent.replace("\"permanent\"", "\"temporary\"");
        assertEquals(List.of(), fixedClock().parse(callback(webhook(SIGNING_KEY, NOW.getEpochSecond(), temporary)),
                WEBHOOK_SETTINGS));
        String opened = DELIVERED.replace("\"delivered\"", "\"opened\"");
        assertEquals(List.of(), fixedClock().parse(callback(webhook(SIGNING_KEY, NOW.getEpochSecond(), opened)),
                WEBHOOK_SETTINGS));
    }

    @Test
    void aWebhookSignedWithAnotherKeyIsRejected() {
        String body = webhook("not-the-signing-key", NOW.getEpochSecond(), DELIVERED);
        assertThrows(CallbackRejectedException.class, () -> fixedClock().parse(callback(body), WEBHOOK_SETTINGS));
    }

    @Test
    void aForgedSignatureOrAnUnsignedBodyIsRejected() {
        String forged = webhook(SIGNING_KEY, NOW.getEpochSecond(), DELIVERED)
                .replaceFirst("\"signature\":\"[0-9a-f]{64}\"", "\"signature\":\"" + "0".repeat(64) + "\"");
        assertThrows(CallbackRejectedException.class, () -> fixedClock().parse(callback(forged), WEBHOOK_SETTINGS));
        String unsigned = "{\"event-data\":" + DELIVERED + "}";
        assertThrows(CallbackRejectedException.class, () -> fixedClock().parse(callback(unsigned), WEBHOOK_SETTINGS));
        assertThrows(CallbackRejectedException.class, () -> fixedClock().parse(callback("event=delivered"),
                WEBHOOK_SETTINGS));
    }

    @Test
    void aStaleWebhookIsRejectedEvenWhenSigned() {
        String body = webhook(SIGNING_KEY, NOW.getEpochSecond() - 11 * 60, DELIVERED);
        assertThrows(CallbackRejectedException.class, () -> fixedClock().parse(callback(body), WEBHOOK_SETTINGS));
    }

    @Test
    void withoutASigningKeyEveryWebhookIsRejected() {
        String body = webhook(SIGNING_KEY, NOW.getEpochSecond(), DELIVERED);
        assertThrows(CallbackRejectedException.class, () -> fixedClock().parse(callback(body), Map.of()));
    }
}
