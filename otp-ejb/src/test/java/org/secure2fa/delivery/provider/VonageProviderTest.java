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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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

    // --- delivery receipts --------------------------------------------------------------------------

    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");
    private static final String SIGNATURE_SECRET = "signature-secret-1";

    private Map<String, String> receiptSettings(String method) {
        provider.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Map<String, String> settings = settings();
        settings.put("signature_secret", SIGNATURE_SECRET);
        if (method != null) {
            settings.put("signature_method", method);
        }
        return settings;
    }

    /** A delivery receipt's parameters as Vonage documents them, with a nonce that needs cleaning. */
    private static Map<String, String> receipt(String status, long timestamp) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("msisdn", "447700900000");
        values.put("to", "Secure2FA");
        values.put("network-code", "23410");
        values.put("messageId", "0C000000217B7F02");
        values.put("price", "0.03330000");
        values.put("status", status);
        values.put("scts", "2603040506");
        values.put("err-code", status.equals("delivered") ? "0" : "1");
        values.put("api-key", "abcd1234");
        values.put("client-ref", "");
        values.put("message-timestamp", "2026-03-04 05:06:07");
        values.put("timestamp", Long.toString(timestamp));
        values.put("nonce", "a1=b2&c3");
        return values;
    }

    /** The same parameters written out by hand: sorted, empty ones left out, & and = turned into _. */
    private static String signedString(String status, long timestamp) {
        return "&api-key=abcd1234&err-code=" + (status.equals("delivered") ? "0" : "1")
                + "&message-timestamp=2026-03-04 05:06:07&messageId=0C000000217B7F02&msisdn=447700900000"
                + "&network-code=23410&nonce=a1_b2_c3&price=0.03330000&scts=2603040506&status=" + status
                + "&timestamp=" + timestamp + "&to=Secure2FA";
    }

    private static CallbackRequest get(Map<String, String> values, String sig) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        values.forEach((name, value) -> params.put(name, List.of(value)));
        if (sig != null) {
            params.put("sig", List.of(sig));
        }
        return new CallbackRequest("GET", "https://otp.example.com/otp/webhooks/14", Map.of(), "", params);
    }

    @Test
    void aReceiptSignedWithTheDefaultMd5HashIsADelivery() throws Exception {
        long timestamp = NOW.getEpochSecond() - 30;
        String sig = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest((signedString("delivered", timestamp) + SIGNATURE_SECRET).getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(new StatusUpdate("0C000000217B7F02", StatusUpdate.Kind.DELIVERED, null)),
                provider.parse(get(receipt("delivered", timestamp), sig), receiptSettings(null)));
    }

    @Test
    void aJsonReceiptSignedWithHmacSha256IsAFailureWithVonagesErrorCode() throws Exception {
        long timestamp = NOW.getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SIGNATURE_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String sig = HexFormat.of().withUpperCase().formatHex(mac.doFinal(signedString("expired", timestamp)
                .getBytes(StandardCharsets.UTF_8)));
        StringBuilder json = new StringBuilder("{");
        receipt("expired", timestamp).forEach((name, value) -> json.append('"').append(name).append("\":\"")
                .append(value).append("\","));
        json.append("\"sig\":\"").append(sig).append("\"}");
        CallbackRequest request = new CallbackRequest("POST", "https://otp.example.com/otp/webhooks/14",
                Map.of("content-type", List.of("application/json")), json.toString(), Map.of());
        List<StatusUpdate> updates = provider.parse(request, receiptSettings("sha256"));
        assertEquals(1, updates.size());
        assertEquals(StatusUpdate.Kind.UNDELIVERED, updates.get(0).kind());
        assertEquals("0C000000217B7F02", updates.get(0).providerMessageId());
        assertTrue(updates.get(0).detail().contains("err-code 1"));
    }

    @Test
    void interimStatusesAreSkipped() throws Exception {
        long timestamp = NOW.getEpochSecond();
        String sig = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest((signedString("accepted", timestamp) + SIGNATURE_SECRET).getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), provider.parse(get(receipt("accepted", timestamp), sig), receiptSettings("md5hash")));
    }

    @Test
    void aForgedTamperedStaleOrUnsignedReceiptIsRejected() throws Exception {
        long timestamp = NOW.getEpochSecond();
        String good = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest((signedString("delivered", timestamp) + SIGNATURE_SECRET).getBytes(StandardCharsets.UTF_8)));
        String forged = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest((signedString("delivered", timestamp) + "guessed-secret").getBytes(StandardCharsets.UTF_8)));
        assertThrows(CallbackRejectedException.class,
                () -> provider.parse(get(receipt("delivered", timestamp), forged), receiptSettings(null)));
        Map<String, String> tampered = receipt("delivered", timestamp);
        tampered.put("messageId", "0C000000217B7F03");
        assertThrows(CallbackRejectedException.class, () -> provider.parse(get(tampered, good), receiptSettings(null)));
        assertThrows(CallbackRejectedException.class,
                () -> provider.parse(get(receipt("delivered", timestamp), null), receiptSettings(null)));
        long stale = NOW.getEpochSecond() - 601;
        String staleSig = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest((signedString("delivered", stale) + SIGNATURE_SECRET).getBytes(StandardCharsets.UTF_8)));
        assertThrows(CallbackRejectedException.class,
                () -> provider.parse(get(receipt("delivered", stale), staleSig), receiptSettings(null)));
        // Signed right, but with another method than the channel's.
        assertThrows(CallbackRejectedException.class,
                () -> provider.parse(get(receipt("delivered", timestamp), good), receiptSettings("sha512")));
    }
}
