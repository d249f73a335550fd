package org.secure2fa.delivery.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.delivery.spi.DeliveryProvider;
import org.secure2fa.delivery.spi.DeliveryReceipt;
import org.secure2fa.delivery.spi.DeliveryReceipt.Outcome;
import org.secure2fa.delivery.spi.DeliveryRequest;

/**
 * The faults every HTTP provider can meet, with one answer for all of them: a 2xx whose body has an
 * unexpected shape is accepted with no message id (never retried, which could send the code twice),
 * and a provider that sends its status line and then stalls in the body is cut at the channel's
 * timeout, the whole exchange included.
 */
class ProviderFaultsTest {

    private static final String KEY_ID = "AKIDEXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** Each HTTP provider with settings enough to send, and the kind of message it sends. */
    static Stream<Arguments> providers() {
        return Stream.of(
                Arguments.of(new PostmarkProvider(), ChannelType.EMAIL, Map.of("server_token", "t", "from", "otp@example.com")),
                Arguments.of(new SendGridProvider(), ChannelType.EMAIL, Map.of("api_key", "SG.k", "from", "otp@example.com")),
                Arguments.of(new MailjetProvider(), ChannelType.EMAIL, Map.of("api_key", "k", "secret_key", "s",
                        "from", "otp@example.com")),
                Arguments.of(new MailgunProvider(), ChannelType.EMAIL, Map.of("api_key", "k", "domain", "mg.example.com",
                        "from", "otp@mg.example.com")),
                Arguments.of(new SesProvider(), ChannelType.EMAIL, Map.of("region", "eu-west-1", "access_key_id", KEY_ID,
                        "secret_access_key", SECRET, "from", "otp@example.com")),
                Arguments.of(new BrevoProvider(), ChannelType.EMAIL, Map.of("api_key", "k", "from", "otp@example.com")),
                Arguments.of(new TwilioProvider(), ChannelType.SMS, Map.of("account_sid", "AC1", "auth_token", "t",
                        "from", "+15005550006")),
                Arguments.of(new PlivoProvider(), ChannelType.SMS, Map.of("auth_id", "MA1", "auth_token", "t",
                        "src", "+14152828726")),
                Arguments.of(new VonageProvider(), ChannelType.SMS, Map.of("api_key", "k", "api_secret", "s",
                        "from", "Secure2FA")),
                Arguments.of(new SnsProvider(), ChannelType.SMS, Map.of("access_key_id", KEY_ID, "secret_access_key", SECRET,
                        "region", "eu-west-1")),
                Arguments.of(new InfobipProvider(), ChannelType.SMS, Map.of("api_key", "k", "from", "Secure2FA")),
                Arguments.of(new TelnyxProvider(), ChannelType.SMS, Map.of("api_key", "k", "from", "+18445550001")));
    }

    /** Every provider with every body shape no provider documents for a 2xx. */
    static Stream<Arguments> unexpectedBodies() {
        List<String> bodies = List.of("", "<html><body>OK</body></html>", "{}", "[]", "{\"messages\":[]}",
                "{\"data\":null,\"Messages\":[{}]}", "not json at all");
        return providers().flatMap(provider -> bodies.stream()
                .map(body -> Arguments.of(provider.get()[0], provider.get()[1], provider.get()[2], body)));
    }

    @BeforeEach
    void reset() {
        api.resetAll();
    }

    private static Map<String, String> settings(Map<String, String> own, long timeoutMs) {
        Map<String, String> settings = new HashMap<>(own);
        settings.put("base_url", api.baseUrl());
        settings.put("timeout_ms", Long.toString(timeoutMs));
        return settings;
    }

    private static DeliveryRequest message(ChannelType type) {
        return type == ChannelType.EMAIL
                ? new DeliveryRequest(21, type, "alice@example.com", "Your code", "Your code is 123456", null)
                : new DeliveryRequest(22, type, "+14155552671", null, "Your code is 123456", null);
    }

    @ParameterizedTest(name = "{0} 200 with body [{3}]")
    @MethodSource("unexpectedBodies")
    void aTwoHundredOfAnUnexpectedShapeIsAcceptedWithoutAMessageId(DeliveryProvider provider, ChannelType type,
                                                                   Map<String, String> own, String body) {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody(body)));
        DeliveryReceipt receipt = provider.send(message(type), settings(own, 5_000));
        assertEquals(Outcome.ACCEPTED, receipt.outcome(), provider.id() + ": " + receipt.detail());
        assertNull(receipt.providerMessageId());
        api.verify(1, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void aTwoHundredWhoseBodyStallsIsCutAtTheTimeoutAndAccepted(DeliveryProvider provider, ChannelType type,
                                                               Map<String, String> own) throws IOException {
        DeliveryReceipt receipt = sendToStallingEndpoint(provider, type, own, 200);
        assertEquals(Outcome.ACCEPTED, receipt.outcome(), provider.id() + ": " + receipt.detail());
        assertNull(receipt.providerMessageId(), "the body that would carry the id never arrived");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void aServerErrorWhoseBodyStallsIsCutAtTheTimeoutAndRetried(DeliveryProvider provider, ChannelType type,
                                                               Map<String, String> own) throws IOException {
        DeliveryReceipt receipt = sendToStallingEndpoint(provider, type, own, 503);
        assertEquals(Outcome.RETRY, receipt.outcome(), provider.id() + ": " + receipt.detail());
    }

    /** Sends once to an endpoint that answers {@code status} and stalls; the call must end near its 500 ms. */
    private static DeliveryReceipt sendToStallingEndpoint(DeliveryProvider provider, ChannelType type,
                                                          Map<String, String> own, int status) throws IOException {
        try (StallingServer stalling = new StallingServer(status)) {
            long start = System.nanoTime();
            DeliveryReceipt receipt = provider.send(message(type), stalling.settings(own, 500));
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(elapsedMs < 10_000, provider.id() + " held the worker " + elapsedMs + " ms");
            assertEquals(1, stalling.requests.get(), "sent once");
            return receipt;
        }
    }

    /**
     * An HTTP endpoint that reads a request, sends its status line, headers announcing a 1 KB body and
     * the body's first byte, then sends nothing more until it is closed: a provider stalling mid-answer.
     */
    private static final class StallingServer implements AutoCloseable {

        final AtomicInteger requests = new AtomicInteger();
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> open = new CopyOnWriteArrayList<>();

        StallingServer(int status) throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        open.add(client);
                        readRequest(client.getInputStream());
                        requests.incrementAndGet();
                        OutputStream out = client.getOutputStream();
                        out.write(("HTTP/1.1 " + status + " Whatever\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 1024\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "stalling-provider");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        Map<String, String> settings(Map<String, String> own, long timeoutMs) {
            Map<String, String> settings = new HashMap<>(own);
            settings.put("base_url", "http://127.0.0.1:" + socket.getLocalPort());
            settings.put("timeout_ms", Long.toString(timeoutMs));
            return settings;
        }

        /** Reads the head and a Content-Length body, so the client has sent all of its request. */
        private static void readRequest(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                head.append((char) b);
            }
            for (String line : head.toString().split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    in.readNBytes(Integer.parseInt(line.substring(15).strip()));
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket client : open) {
                client.close();
            }
        }
    }
}
