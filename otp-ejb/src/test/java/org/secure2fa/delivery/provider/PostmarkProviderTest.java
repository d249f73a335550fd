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

/** Postmark against a local stub of its documented Email API. */
class PostmarkProviderTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final PostmarkProvider provider = new PostmarkProvider();
    private final DeliveryRequest message = new DeliveryRequest(1, ChannelType.EMAIL, "alice@example.com",
            "Your login code", "Your code is 123456", "<b>123456</b>");

    private Map<String, String> settings() {
        return Map.of("server_token", "server-token-1", "from", "otp@example.com", "base_url", api.baseUrl(),
                "timeout_ms", "2000");
    }

    @Test
    void sendsTheDocumentedRequestAndKeepsTheMessageId() {
        api.stubFor(post("/email").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"To\":\"alice@example.com\",\"SubmittedAt\":\"2026-11-25T10:00:00Z\","
                        + "\"MessageID\":\"b7bc2f4a-e38e-4336-af7d-e6c392c2f817\",\"ErrorCode\":0,\"Message\":\"OK\"}")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.ACCEPTED, receipt.outcome(), receipt.detail());
        assertEquals("b7bc2f4a-e38e-4336-af7d-e6c392c2f817", receipt.providerMessageId());
        api.verify(postRequestedFor(urlEqualTo("/email"))
                .withHeader("X-Postmark-Server-Token", equalTo("server-token-1"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"From\":\"otp@example.com\",\"To\":\"alice@example.com\","
                        + "\"Subject\":\"Your login code\",\"TextBody\":\"Your code is 123456\","
                        + "\"HtmlBody\":\"<b>123456</b>\",\"MessageStream\":\"outbound\"}")));
    }

    @Test
    void anInactiveRecipientIsAPermanentRecipientFailure() {
        api.stubFor(post("/email").willReturn(aResponse().withStatus(422)
                .withBody("{\"ErrorCode\":406,\"Message\":\"You tried to send to a recipient that has been marked as inactive.\"}")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertTrue(receipt.recipientFault());
        assertTrue(receipt.detail().contains("inactive"));
    }

    @Test
    void aBadTokenIsAPermanentFailureOfTheConfiguration() {
        api.stubFor(post("/email").willReturn(aResponse().withStatus(401)
                .withBody("{\"ErrorCode\":10,\"Message\":\"No Account or Server API tokens were supplied in the HTTP headers.\"}")));
        var receipt = provider.send(message, settings());
        assertEquals(Outcome.REJECTED, receipt.outcome());
        assertFalse(receipt.recipientFault());
    }

    @Test
    void aTransientFailureIsRetriedThenSucceeds() {
        api.stubFor(post("/email").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        api.stubFor(post("/email").inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withBody("{\"MessageID\":\"m-2\",\"ErrorCode\":0}")));
        assertEquals(Outcome.RETRY, provider.send(message, settings()).outcome());
        var second = provider.send(message, settings());
        assertEquals(Outcome.ACCEPTED, second.outcome());
        assertEquals("m-2", second.providerMessageId());
    }

    @Test
    void aTimeoutIsRetried() {
        api.stubFor(post("/email").willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
        assertEquals(Outcome.RETRY, provider.send(message, settings()).outcome());
    }

    // --- Webhooks --------------------------------------------------------------------------------

    private static final Map<String, String> WEBHOOK_SETTINGS = Map.of("webhook_username", "postmark-hook",
            "webhook_password", "s3cret-Pa55:word");

    private static CallbackRequest callback(String user, String password, String body) {
        Map<String, List<String>> headers = user == null ? Map.of("content-type", List.of("application/json"))
                : Map.of("content-type", List.of("application/json"), "authorization", List.of("Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))));
        return new CallbackRequest("POST", "https://otp.example.com/otp/webhooks/3", headers, body, Map.of());
    }

    private static final String DELIVERY = """
            {"RecordType":"Delivery","ServerID":23,"MessageStream":"outbound",
             "MessageID":"883953f4-6105-42a2-a16a-77a8eac79483","Recipient":"john@example.com","Tag":"",
             "DeliveredAt":"2026-11-25T10:15:30Z","Details":"Test delivery webhook details","Metadata":{}}""";

    @Test
    void aDeliveryWithTheConfiguredCredentialsYieldsDelivered() throws Exception {
        List<StatusUpdate> updates = provider.parse(callback("postmark-hook", "s3cret-Pa55:word", DELIVERY),
                WEBHOOK_SETTINGS);
        assertEquals(List.of(new StatusUpdate("883953f4-6105-42a2-a16a-77a8eac79483", StatusUpdate.Kind.DELIVERED,
                "Test delivery webhook details")), updates);
    }

    @Test
    void bouncesAndSpamComplaintsAreBouncedAndOpensSkipped() throws Exception {
        String bounce = """
                {"RecordType":"Bounce","ID":42,"Type":"HardBounce","TypeCode":1,"Name":"Hard bounce",
                 "MessageID":"00000000-1111-2222-3333-444444444444",
                 "Description":"The server was unable to deliver your message (ex: unknown user, mailbox not found).",
                 "Email":"john@example.com","BouncedAt":"2026-11-25T10:15:30Z","Inactive":true}""";
        List<StatusUpdate> bounced = provider.parse(callback("postmark-hook", "s3cret-Pa55:word", bounce), WEBHOOK_SETTINGS);
        assertEquals(1, bounced.size());
        assertEquals("00000000-1111-2222-3333-444444444444", bounced.get(0).providerMessageId());
        assertEquals(StatusUpdate.Kind.BOUNCED, bounced.get(0).kind());
        assertTrue(bounced.get(0).detail().startsWith("HardBounce"));

        String complaint = """
                {"RecordType":"SpamComplaint","ID":43,"Type":"SpamComplaint","TypeCode":512,
                 "MessageID":"55555555-1111-2222-3333-444444444444","Email":"john@example.com"}""";
        assertEquals(List.of(new StatusUpdate("55555555-1111-2222-3333-444444444444", StatusUpdate.Kind.BOUNCED,
                "SpamComplaint")), provider.parse(callback("postmark-hook", "s3cret-Pa55:word", complaint), WEBHOOK_SETTINGS));

        String open = """
                {"RecordType":"Open","MessageID":"883953f4-6105-42a2-a16a-77a8eac79483","FirstOpen":true}""";
        assertEquals(List.of(), provider.parse(callback("postmark-hook", "s3cret-Pa55:word", open), WEBHOOK_SETTINGS));
    }

    @Test
    void wrongOrMissingCredentialsAreRejected() {
        assertThrows(CallbackRejectedException.class,
                () -> provider.parse(callback("postmark-hook", "guessed", DELIVERY), WEBHOOK_SETTINGS));
        assertThrows(CallbackRejectedException.class,
                () -> provider.parse(callback("someone", "s3cret-Pa55:word", DELIVERY), WEBHOOK_SETTINGS));
        assertThrows(CallbackRejectedException.class,
                () -> provider.parse(callback(null, null, DELIVERY), WEBHOOK_SETTINGS));
        CallbackRequest bearer = new CallbackRequest("POST", "https://otp.example.com/otp/webhooks/3",
                Map.of("authorization", List.of("Bearer s3cret-Pa55:word")), DELIVERY, Map.of());
        assertThrows(CallbackRejectedException.class, () -> provider.parse(bearer, WEBHOOK_SETTINGS));
    }

    @Test
    void withoutConfiguredCredentialsEveryWebhookIsRejected() {
        assertThrows(CallbackRejectedException.class,
                () -> provider.parse(callback("", "", DELIVERY), Map.of()));
        assertThrows(CallbackRejectedException.class,
                () -> provider.parse(callback("postmark-hook", "s3cret-Pa55:word", DELIVERY), Map.of()));
    }
}
