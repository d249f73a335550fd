package org.secure2fa.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.secure2fa.it.Fixtures.TestProject;

/**
 * Delivery reports through {@code POST /otp/webhooks/{channelId}} on the real server, for one provider
 * of each kind of verification (HTTP Basic credentials, an HMAC in the body, a signature over the URL
 * called): a callback verified with the channel's credentials moves the message's status; a forged one
 * is answered 401 and changes nothing. Every provider's verification is tested in detail by its unit
 * test (signed, forged, stale, missing).
 */
class WebhookIT {

    @RegisterExtension
    static WireMockExtension stub = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** Generates a code and waits until its message was accepted by the stub with {@code messageId}. */
    private static void sendThrough(TestProject project) throws Exception {
        String uuid = "webhook-" + UUID.randomUUID();
        assertEquals(200, Api.generate(project, uuid, uuid + "@example.com").status());
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            if ("SENT".equals(status(project))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not sent: " + status(project));
    }

    private static String status(TestProject project) {
        return String.valueOf(Fixtures.row("select status from delivery where project_id = ?", project.id()).get("status"));
    }

    private static int callback(TestProject project, String contentType, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestServer.get().baseUrl() + "/otp/webhooks/"
                + project.channelId())).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void postmarkReportsWithTheChannelsCredentials() throws Exception {
        String messageId = "pm-" + UUID.randomUUID();
        stub.stubFor(post("/email").willReturn(aResponse().withStatus(200)
                .withBody("{\"MessageID\":\"" + messageId + "\",\"ErrorCode\":0,\"Message\":\"OK\"}")));
        TestProject project = Fixtures.project(Fixtures.spec().provider("postmark", Map.of("server_token", "t",
                "from", "otp@example.com", "base_url", stub.baseUrl(), "webhook_username", "hook",
                "webhook_password", "s3cret-hook")));
        sendThrough(project);
        String report = "{\"RecordType\":\"Delivery\",\"MessageID\":\"" + messageId + "\",\"Recipient\":\"x@example.com\"}";

        String forged = "Basic " + Base64.getEncoder().encodeToString("hook:guess".getBytes(StandardCharsets.UTF_8));
        assertEquals(401, callback(project, "application/json", report, Map.of("Authorization", forged)));
        assertEquals(401, callback(project, "application/json", report, Map.of()));
        assertEquals("SENT", status(project), "a forged report changes nothing");

        String real = "Basic " + Base64.getEncoder().encodeToString("hook:s3cret-hook".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, callback(project, "application/json", report, Map.of("Authorization", real)));
        assertEquals("DELIVERED", status(project));
    }

    @Test
    void mailgunReportsSignedWithTheWebhookSigningKey() throws Exception {
        String messageId = UUID.randomUUID() + "@mg.example.com";
        stub.stubFor(post(urlPathMatching("/v3/.*/messages")).willReturn(aResponse().withStatus(200)
                .withBody("{\"id\":\"<" + messageId + ">\",\"message\":\"Queued. Thank you.\"}")));
        TestProject project = Fixtures.project(Fixtures.spec().provider("mailgun", Map.of("api_key", "key-1",
                "domain", "mg.example.com", "from", "otp@mg.example.com", "base_url", stub.baseUrl(),
                "webhook_signing_key", "signing-key-1")));
        sendThrough(project);

        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String token = UUID.randomUUID().toString().replace("-", "");
        String eventData = "\"event-data\":{\"event\":\"failed\",\"severity\":\"permanent\",\"reason\":\"bounce\","
                + "\"message\":{\"headers\":{\"message-id\":\"" + messageId + "\"}}}";
        String forged = "{\"signature\":{\"timestamp\":\"" + timestamp + "\",\"token\":\"" + token
                + "\",\"signature\":\"" + hmac("another-key", timestamp + token) + "\"}," + eventData + "}";
        assertEquals(401, callback(project, "application/json", forged, Map.of()));
        assertEquals("SENT", status(project));

        String signed = "{\"signature\":{\"timestamp\":\"" + timestamp + "\",\"token\":\"" + token
                + "\",\"signature\":\"" + hmac("signing-key-1", timestamp + token) + "\"}," + eventData + "}";
        assertEquals(200, callback(project, "application/json", signed, Map.of()));
        assertEquals("BOUNCED", status(project));
    }

    @Test
    void twilioReportsSignedOverTheUrlItCalled() throws Exception {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        stub.stubFor(post(urlPathMatching("/2010-04-01/Accounts/AC1/Messages.json")).willReturn(aResponse()
                .withStatus(201).withBody("{\"sid\":\"" + sid + "\",\"status\":\"queued\"}")));
        TestProject project = Fixtures.project(Fixtures.spec().sms().provider("twilio", Map.of("account_sid", "AC1",
                "auth_token", "twilio-token", "from", "+15005550006", "base_url", stub.baseUrl())));
        String uuid = "webhook-" + UUID.randomUUID();
        assertEquals(200, Api.generate(project, uuid, "+14155552671").status());
        long deadline = System.currentTimeMillis() + 15_000;
        while (!"SENT".equals(status(project)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals("SENT", status(project));

        String url = TestServer.get().baseUrl() + "/otp/webhooks/" + project.channelId();
        String body = "MessageSid=" + sid + "&MessageStatus=undelivered&To=%2B14155552671&ErrorCode=30003";
        String signed = "ErrorCode30003MessageSid" + sid + "MessageStatusundeliveredTo+14155552671";
        assertEquals(401, callback(project, "application/x-www-form-urlencoded", body,
                Map.of("X-Twilio-Signature", twilioSignature("another-token", url + signed))));
        assertEquals("SENT", status(project));
        assertEquals(200, callback(project, "application/x-www-form-urlencoded", body,
                Map.of("X-Twilio-Signature", twilioSignature("twilio-token", url + signed))));
        assertEquals("UNDELIVERED", status(project));
    }

    @Test
    void vonageReceiptsComeAsSignedGetQueryStrings() throws Exception {
        String messageId = "0C" + Long.toHexString(System.nanoTime()).toUpperCase(java.util.Locale.ROOT);
        stub.stubFor(post("/sms/json").willReturn(aResponse().withStatus(200).withBody(
                "{\"message-count\":\"1\",\"messages\":[{\"status\":\"0\",\"message-id\":\"" + messageId + "\"}]}")));
        TestProject project = Fixtures.project(Fixtures.spec().sms().provider("vonage", Map.of("api_key", "abcd1234",
                "api_secret", "vonage-secret", "from", "Secure2FA", "base_url", stub.baseUrl(),
                "signature_secret", "vonage-signature-secret")));
        Api.Reply generated = Api.generate(project, "webhook-" + UUID.randomUUID(), "+447911123456");
        assertEquals(200, generated.status(), generated.body());
        long deadline = System.currentTimeMillis() + 15_000;
        while (!"SENT".equals(status(project)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals("SENT", status(project));

        // A receipt as Vonage sends it by default: GET, every parameter in the query, md5hash signature.
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String signed = "&messageId=" + messageId + "&msisdn=447911123456&status=delivered&timestamp=" + timestamp
                + "&to=Secure2FA";
        String query = "msisdn=447911123456&to=Secure2FA&messageId=" + messageId + "&status=delivered&timestamp="
                + timestamp;
        assertEquals(401, get(project, query + "&sig=" + md5(signed + "another-secret")));
        assertEquals(401, get(project, query));
        assertEquals("SENT", status(project), "a forged or unsigned receipt changes nothing");
        assertEquals(200, get(project, query + "&sig=" + md5(signed + "vonage-signature-secret")));
        assertEquals("DELIVERED", status(project));
    }

    private static int get(TestProject project, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestServer.get().baseUrl() + "/otp/webhooks/"
                + project.channelId() + "?" + query)).GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String md5(String data) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                .digest(data.getBytes(StandardCharsets.UTF_8)));
    }

    private static String twilioSignature(String token, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anUnknownChannelIsAnsweredLikeAForgedCall() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestServer.get().baseUrl() + "/otp/webhooks/999999999"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertEquals(401, CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).statusCode(),
                "no channel enumeration: the same 401 as a forged call");
    }

    static String hmac(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }
}
