package org.secure2fa.delivery.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

/** Twilio against a local stub of its documented Message resource. */
class TwilioProviderTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String SID = "AC0123456789abcdef0123456789abcdef";
    private static final String PATH = "/2010-04-01/Accounts/" + SID + "/Messages.json";

    private final TwilioProvider provider = new TwilioProvider();
    private final DeliveryRequest message = new DeliveryRequest(7, ChannelType.SMS, "+14155552671", null,
            "Your code is 123456", null);

    private Map<String, String> shortTimeout() {
        Map<String, String> settings = settings();
        settings.put("timeout_ms", "300");
        return settings;
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(Map.of("account_sid", SID, "auth_token", "auth-token-1",
                "from", "+15005550006", "base_url", api.baseUrl(), "timeout_ms", "5000"));
        settings.put("status_callback_url", "https://otp.example.com/otp/webhooks/12");
        return settings;
    }

    @Test
    void sendsTheDocumentedRequestAndKeepsTheSid() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM1f0e8ae6ade43cb3c0ce4525424e404f\",\"status\":\"queued\",\"to\":\"+14155552671\","
                        + "\"from\":\"+15005550006\",\"num_segments\":\"1\",\"error_code\":null}")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.ACCEPTED, receipt.outcome(), receipt.detail());
        assertEquals("SM1f0e8ae6ade43cb3c0ce4525424e404f", receipt.providerMessageId());
        api.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Basic QUMwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjphdXRoLXRva2VuLTE="))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("To", equalTo("+14155552671"))
                .withFormParam("From", equalTo("+15005550006"))
                .withFormParam("Body", equalTo("Your code is 123456"))
                .withFormParam("StatusCallback", equalTo("https://otp.example.com/otp/webhooks/12"))
                .withoutFormParam("MessagingServiceSid"));
    }

    @Test
    void aMessagingServiceCanStandInForFrom() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SM2\"}")));
        Map<String, String> settings = settings();
        settings.remove("from");
        settings.remove("status_callback_url");
        settings.put("messaging_service_sid", "MG9752274e9e519418a7406176694466fa");
        assertEquals("SM2", provider.send(message, settings).providerMessageId());
        api.verify(postRequestedFor(urlEqualTo(PATH))
                .withFormParam("MessagingServiceSid", equalTo("MG9752274e9e519418a7406176694466fa"))
                .withoutFormParam("From").withoutFormParam("StatusCallback"));
    }

    @Test
    void anInvalidToNumberIsAPermanentRecipientFailure() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(400).withBody("{\"code\":21211,"
                + "\"message\":\"The 'To' number +1415555 is not a valid phone number.\","
                + "\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertTrue(receipt.recipientFault());
        assertTrue(receipt.detail().contains("21211"));
    }

    @Test
    void anUnsubscribedRecipientIsAPermanentRecipientFailure() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(400).withBody("{\"code\":21610,"
                + "\"message\":\"Attempt to send to unsubscribed recipient\",\"status\":400}")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertTrue(receipt.recipientFault());
    }

    @Test
    void badCredentialsAreAPermanentFailureOfTheConfiguration() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(401).withBody("{\"code\":20003,"
                + "\"message\":\"Authenticate\",\"more_info\":\"https://www.twilio.com/docs/errors/20003\",\"status\":401}")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertFalse(receipt.recipientFault());
    }

    @Test
    void aFromNumberThatCannotSendIsTheConfigurationsFault() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(400).withBody("{\"code\":21606,"
                + "\"message\":\"The From phone number +15005550006 is not a valid, SMS-capable inbound phone number\"}")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertFalse(receipt.recipientFault());
    }

    @Test
    void aRateLimitIsRetriedThenSucceeds() {
        api.stubFor(post(PATH).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withBody("{\"code\":20429,\"message\":\"Too Many Requests\"}"))
                .willSetStateTo("calm"));
        api.stubFor(post(PATH).inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SM3\"}")));
        assertEquals(Outcome.RETRY, provider.send(message, settings()).outcome());
        var second = provider.send(message, settings());
        assertEquals(Outcome.ACCEPTED, second.outcome());
        assertEquals("SM3", second.providerMessageId());
    }

    @Test
    void aTimeoutIsRetried() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SM4\"}").withFixedDelay(1_000)));
        var receipt = provider.send(message, shortTimeout());
        assertEquals(Outcome.RETRY, receipt.outcome());
        assertTrue(receipt.detail().startsWith("Timed out"), receipt.detail());
    }

    @Test
    void withoutFromOrServiceNothingIsSent() {
        Map<String, String> settings = settings();
        settings.remove("from");
        var receipt = provider.send(message, settings);
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertFalse(receipt.recipientFault());
        api.verify(0, postRequestedFor(urlEqualTo(PATH)));
    }

    // --- status callbacks ---------------------------------------------------------------------------

    private static final String HOOK = "https://otp.example.com/otp/webhooks/12";

    /** Twilio's documented example: URL, POST parameters and Auth Token 12345 give this signature. */
    @Test
    void theSignatureMatchesTwiliosDocumentedExample() {
        var fields = List.of(Map.entry("CallSid", "CA1234567890ABCDE"), Map.entry("Caller", "+12349013030"),
                Map.entry("Digits", "1234"), Map.entry("From", "+12349013030"), Map.entry("To", "+18005551212"));
        assertEquals("0/KCTR6DLpKmkAf8muzZqo1nDgQ=",
                TwilioProvider.signature("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", fields));
    }

    /** Signs as Twilio documents it, written out independently of the provider's code. */
    private static String sign(String token, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    private static CallbackRequest callback(String url, String body, String signature) {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("content-type", List.of("application/x-www-form-urlencoded"));
        if (signature != null) {
            headers.put("x-twilio-signature", List.of(signature));
        }
        return new CallbackRequest("POST", url, headers, body, Map.of());
    }

    @Test
    void aSignedDeliveredCallbackIsADelivery() throws Exception {
        String body = "SmsSid=SM1f0e8ae6ade43cb3c0ce4525424e404f&SmsStatus=delivered&MessageStatus=delivered"
                + "&To=%2B14155552671&MessageSid=SM1f0e8ae6ade43cb3c0ce4525424e404f&AccountSid=" + SID
                + "&From=%2B15005550006&ApiVersion=2010-04-01";
        String signature = sign("auth-token-1", HOOK + "AccountSid" + SID + "ApiVersion2010-04-01From+15005550006"
                + "MessageSidSM1f0e8ae6ade43cb3c0ce4525424e404fMessageStatusdelivered"
                + "SmsSidSM1f0e8ae6ade43cb3c0ce4525424e404fSmsStatusdeliveredTo+14155552671");
        assertEquals(List.of(new StatusUpdate("SM1f0e8ae6ade43cb3c0ce4525424e404f", StatusUpdate.Kind.DELIVERED, null)),
                provider.parse(callback(HOOK, body, signature), settings()));
    }

    @Test
    void aSignedUndeliveredCallbackIsAFailureWithTwiliosErrorCode() throws Exception {
        String body = "MessageSid=SM9&MessageStatus=undelivered&ErrorCode=30003&To=%2B14155552671";
        String signature = sign("auth-token-1", HOOK + "ErrorCode30003MessageSidSM9MessageStatusundeliveredTo+14155552671");
        List<StatusUpdate> updates = provider.parse(callback(HOOK, body, signature), settings());
        assertEquals(1, updates.size());
        assertEquals("SM9", updates.get(0).providerMessageId());
        assertEquals(StatusUpdate.Kind.UNDELIVERED, updates.get(0).kind());
        assertTrue(updates.get(0).detail().contains("30003"));
    }

    @Test
    void aFailedMessageIsUndeliveredAndInterimStatusesAreSkipped() throws Exception {
        String failed = "MessageSid=SM10&MessageStatus=failed&ErrorCode=30008";
        assertEquals(StatusUpdate.Kind.UNDELIVERED, provider.parse(callback(HOOK, failed,
                sign("auth-token-1", HOOK + "ErrorCode30008MessageSidSM10MessageStatusfailed")), settings()).get(0).kind());
        String sent = "MessageSid=SM11&MessageStatus=sent";
        assertEquals(List.of(), provider.parse(callback(HOOK, sent,
                sign("auth-token-1", HOOK + "MessageSidSM11MessageStatussent")), settings()));
    }

    @Test
    void theDefaultPortMayOrMayNotBeInTheSignedUrl() throws Exception {
        String body = "MessageSid=SM12&MessageStatus=delivered";
        String signature = sign("auth-token-1", "https://otp.example.com:443/otp/webhooks/12MessageSidSM12MessageStatusdelivered");
        assertEquals(1, provider.parse(callback(HOOK, body, signature), settings()).size());
    }

    @Test
    void aForgedOrTamperedOrUnsignedCallbackIsRejected() throws Exception {
        String body = "MessageSid=SM13&MessageStatus=delivered";
        String good = sign("auth-token-1", HOOK + "MessageSidSM13MessageStatusdelivered");
        assertThrows(CallbackRejectedException.class,
                () -> provider.parse(callback(HOOK, body, sign("another-token", HOOK + "MessageSidSM13MessageStatusdelivered")), settings()));
        assertThrows(CallbackRejectedException.class,
                () -> provider.parse(callback(HOOK, "MessageSid=SM13&MessageStatus=undelivered", good), settings()));
        assertThrows(CallbackRejectedException.class,
                () -> provider.parse(callback("https://otp.example.com/otp/webhooks/99", body, good), settings()));
        assertThrows(CallbackRejectedException.class, () -> provider.parse(callback(HOOK, body, null), settings()));
    }
}
