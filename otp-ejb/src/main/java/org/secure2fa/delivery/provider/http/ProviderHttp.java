package org.secure2fa.delivery.provider.http;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.secure2fa.delivery.spi.DeliveryReceipt;

/**
 * What every HTTP delivery provider shares: one HTTP client with a connect timeout, a time limit for
 * the whole exchange, body included ({@code timeout_ms}, 10 s by default), a configurable base URL ({@code base_url}, so
 * tests can point a provider at a local stub of its API), and the usual mapping of answers:
 * 2xx accepted; 408, 425, 429 and 5xx (and timeouts and I/O errors) retried; other 4xx rejected.
 */
public final class ProviderHttp {

    /** Looked up once: the {@code Json.*} factory methods look the provider up on every call. */
    public static final JsonProvider JSON = JsonProvider.provider();

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final Logger LOG = Logger.getLogger(ProviderHttp.class.getName());
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_DETAIL = 300;
    private static final int MAX_BODY = 64 * 1024;

    /** A provider's answer. */
    public record Answer(int status, String body, Map<String, List<String>> headers) {

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        public boolean isTransient() {
            return status == 408 || status == 425 || status == 429 || status >= 500;
        }

        /** The body as a JSON object, or an empty object when it is not one. */
        public JsonObject json() {
            return parseJson(body);
        }

        /** "HTTP 400: {first 300 characters of the body}", for the delivery's last_error. */
        public String describe() {
            String text = body == null ? "" : body.strip();
            return "HTTP " + status + (text.isEmpty() ? "" : ": " + (text.length() > MAX_DETAIL
                    ? text.substring(0, MAX_DETAIL) + "…" : text));
        }
    }

    /** Thrown for a call that did not get an answer (timeout, refused connection, reset). */
    public static final class NoAnswer extends Exception {
        public NoAnswer(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    private ProviderHttp() {
    }

    /** The base URL from the settings, or the provider's documented one; without a trailing slash. */
    public static String baseUrl(Map<String, String> settings, String documentedDefault) {
        String url = settings.getOrDefault("base_url", "");
        url = url.isBlank() ? documentedDefault : url.strip();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A request to {@code baseUrl + path} with the channel's read timeout. */
    public static HttpRequest.Builder request(String baseUrl, String path, Map<String, String> settings) {
        long timeout = parseLong(settings.get("timeout_ms"), 10_000);
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMillis(timeout));
    }

    /**
     * Sends and waits for the whole answer, body included, for at most the request's timeout: a
     * provider that sends its status line and then stalls in the body cannot hold a delivery worker
     * longer than that. When the status came in time but the body did not, the answer has the status
     * and an empty body, so a 2xx is still accepted (the provider took the message; sending it again
     * could deliver the code twice) and anything else is mapped by its status.
     */
    public static Answer send(HttpRequest request) throws NoAnswer {
        long limit = request.timeout().orElse(DEFAULT_TIMEOUT).toMillis();
        AtomicReference<HttpResponse.ResponseInfo> head = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> exchange = CLIENT.sendAsync(request, info -> {
            head.set(info);
            return new CappedBody();
        });
        String host = request.uri().getHost();
        try {
            HttpResponse<byte[]> response = exchange.get(limit, TimeUnit.MILLISECONDS);
            return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
                    response.headers().map());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return headOnly(host, head.get(), limit, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                return headOnly(host, head.get(), limit, cause);
            }
            throw new NoAnswer("No answer from " + host + ": " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new NoAnswer("Interrupted", e);
        }
    }

    /** The answer when the time was up: its status if that came, or none at all. */
    private static Answer headOnly(String host, HttpResponse.ResponseInfo info, long limit, Throwable timeout)
            throws NoAnswer {
        if (info == null) {
            throw new NoAnswer("Timed out: " + host, timeout);
        }
        LOG.warning(() -> host + " answered HTTP " + info.statusCode() + " but its body did not arrive within "
                + limit + " ms; mapped by the status alone");
        return new Answer(info.statusCode(), "", info.headers().map());
    }

    /** Collects a body up to {@link #MAX_BODY} bytes and cuts the rest, so no endpoint can fill the memory. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                byte[] chunk = new byte[Math.min(buffer.remaining(), MAX_BODY - bytes.size())];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
            if (bytes.size() >= MAX_BODY) {
                subscription.cancel();
                result.complete(bytes.toByteArray());
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }

    /**
     * Sends and maps whatever answer came back with {@code mapper}; no answer at all is retried. One
     * rule for every provider: a 2xx answer whose body has an unexpected shape is accepted with no
     * message id (the provider took the message; a retry could send the code twice), and logged.
     */
    public static DeliveryReceipt deliver(HttpRequest request, Function<Answer, DeliveryReceipt> mapper) {
        try {
            Answer answer = send(request);
            DeliveryReceipt receipt = mapper.apply(answer);
            if (receipt.outcome() == DeliveryReceipt.Outcome.ACCEPTED && receipt.providerMessageId() == null) {
                LOG.warning(() -> request.uri().getHost() + " accepted a message (HTTP " + answer.status()
                        + ", " + answer.body().length() + " characters) with no message id we know how to read;"
                        + " its delivery reports cannot be matched to it");
            }
            return receipt;
        } catch (NoAnswer e) {
            return DeliveryReceipt.retry(e.getMessage());
        }
    }

    /**
     * The usual mapping of an answer: 2xx accepted with {@code messageId}'s id; 408, 425, 429 and 5xx
     * retried; other 4xx rejected, as the recipient's fault when {@code recipientFault} says so.
     */
    public static DeliveryReceipt usual(Answer answer, Function<Answer, String> messageId,
                                        Predicate<Answer> recipientFault) {
        if (answer.isSuccess()) {
            return DeliveryReceipt.accepted(messageId.apply(answer));
        }
        if (answer.isTransient()) {
            return DeliveryReceipt.retry(answer.describe());
        }
        return recipientFault.test(answer) ? DeliveryReceipt.rejectedRecipient(answer.describe())
                : DeliveryReceipt.rejected(answer.describe());
    }

    /** Sends and maps the answer the usual way ({@link #usual}). */
    public static DeliveryReceipt exchange(HttpRequest request, Function<Answer, String> messageId,
                                           Predicate<Answer> recipientFault) {
        return deliver(request, answer -> usual(answer, messageId, recipientFault));
    }

    public static String basicAuth(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString(
                ((user == null ? "" : user) + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
    }

    /** application/x-www-form-urlencoded, skipping null values. */
    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static JsonObjectBuilder object() {
        return JSON.createObjectBuilder();
    }

    public static JsonObject parseJson(String body) {
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (var reader = JSON.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : JsonValue.EMPTY_JSON_OBJECT;
        } catch (RuntimeException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    /** A string found by a JSON pointer such as {@code /messages/0/message-id}, if there. */
    public static Optional<String> pointer(JsonObject json, String pointer) {
        try {
            JsonValue value = JSON.createPointer(pointer).getValue(json);
            return switch (value.getValueType()) {
                case STRING -> Optional.of(((jakarta.json.JsonString) value).getString());
                case NUMBER, TRUE, FALSE -> Optional.of(value.toString());
                default -> Optional.empty();
            };
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A setting's value, stripped, or null when it is absent or blank. */
    public static String optional(Map<String, String> settings, String key) {
        String value = settings.get(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static String required(Map<String, String> settings, String key) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The channel setting " + key + " is missing");
        }
        return value.strip();
    }

    private static long parseLong(String value, long fallback) {
        try {
            return value == null || value.isBlank() ? fallback : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
