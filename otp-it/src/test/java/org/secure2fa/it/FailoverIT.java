package org.secure2fa.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.secure2fa.it.Fixtures.TestProject;

/**
 * Failover over HTTP on the real server: the primary channel's provider (a local stub of Postmark's
 * API) answers 503 until its circuit opens, the message leaves through the fallback channel (SMTP), and
 * once the primary recovers and the circuit's open period is over, messages use it again.
 */
class FailoverIT {

    @RegisterExtension
    static WireMockExtension postmark = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void aFailingPrimaryFailsOverAndTheCircuitClosesAfterRecovery() throws Exception {
        postmark.stubFor(post("/email").willReturn(aResponse().withStatus(503).withBody("{\"Message\":\"down\"}")));
        TestProject project = Fixtures.project(Fixtures.spec()
                .provider("postmark", Map.of("server_token", "test-token", "from", "otp@example.com",
                        "base_url", postmark.baseUrl(), "timeout_ms", "2000"))
                .fallbackSmtp(TestServer.get().smtpPort()));

        String uuid = "failover-" + UUID.randomUUID();
        assertEquals(200, Api.generate(project, uuid, uuid + "@example.com").status());
        var email = DeliveryIT.awaitMail(uuid + "@example.com", 20_000);
        assertEquals(200, Api.verify(project, uuid, DeliveryIT.codeIn(email)).status());
        var failedOver = Fixtures.row("select status, provider_id, route_channel_id from delivery where project_id = ?",
                project.id());
        assertEquals("SENT", failedOver.get("status"));
        assertEquals("smtp", failedOver.get("provider_id"), "the fallback delivered it");
        assertTrue(postmark.findAll(postRequestedFor(urlEqualTo("/email"))).size() >= 2,
                "the primary was tried until its circuit opened");

        postmark.resetAll();
        postmark.stubFor(post("/email").willReturn(aResponse().withStatus(200)
                .withBody("{\"MessageID\":\"pm-recovered\",\"ErrorCode\":0,\"Message\":\"OK\"}")));
        Thread.sleep(3_500);
        String uuid2 = "recovered-" + UUID.randomUUID();
        assertEquals(200, Api.generate(project, uuid2, uuid2 + "@example.com").status());
        long deadline = System.currentTimeMillis() + 15_000;
        Map<String, Object> second = Map.of();
        while (System.currentTimeMillis() < deadline) {
            second = Fixtures.row("select status, provider_id, provider_message_id from delivery "
                    + "where project_id = ? and status = 'SENT' and provider_id = 'postmark'", project.id());
            if (!second.isEmpty()) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals("pm-recovered", second.get("provider_message_id"), "the circuit closed: the primary delivers again");
        assertEquals(1, postmark.findAll(postRequestedFor(urlEqualTo("/email"))).size());
    }
}
