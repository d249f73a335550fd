package org.secure2fa.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.secure2fa.it.Fixtures.TestProject;

/** A small HTTP client for the API, speaking form bodies as the seed's clients do. */
public final class Api {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern CODE = Pattern.compile("\\b(\\d{4,10})\\b");

    /** An answer: status and body. */
    public record Reply(int status, String body) {

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        /** The code in a template_request answer's body. */
        public String code() {
            Matcher matcher = CODE.matcher(json().getString("body"));
            if (!matcher.find()) {
                throw new AssertionError("No code in " + body);
            }
            return matcher.group(1);
        }
    }

    private Api() {
    }

    public static Map<String, String> form(String... keyValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            form.put(keyValues[i], keyValues[i + 1]);
        }
        return form;
    }

    public static Reply post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(path, "application/x-www-form-urlencoded", body);
    }

    public static Reply send(String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    public static Reply get(String path) {
        return send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    /** A path on the server under test, or a full URL (one node of a cluster). */
    private static URI url(String path) {
        return URI.create(path.startsWith("http") ? path : TestServer.get().baseUrl() + path);
    }

    private static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Generate with template_request=true: returns the answer, whose body holds the code. */
    public static Reply template(TestProject project, String uuid, String to, String... extra) {
        return templateAt("", project, uuid, to, extra);
    }

    /** {@link #template} on the server at {@code base} (a node of a cluster); "" for the server under test. */
    public static Reply templateAt(String base, TestProject project, String uuid, String to, String... extra) {
        Map<String, String> form = form("encrypted_data", project.encrypt(uuid + "#" + to),
                "public_key", project.publicKey(), "template_request", "true");
        form.putAll(form(extra));
        return post(base + "/otp/generate", form);
    }

    public static Reply generate(TestProject project, String uuid, String to, String... extra) {
        Map<String, String> form = form("encrypted_data", project.encrypt(uuid + "#" + to),
                "public_key", project.publicKey());
        form.putAll(form(extra));
        return post("/otp/generate", form);
    }

    public static Reply verify(TestProject project, String uuid, String code, String... extra) {
        return verifyAt("", project, uuid, code, extra);
    }

    /** {@link #verify} on the server at {@code base} (a node of a cluster); "" for the server under test. */
    public static Reply verifyAt(String base, TestProject project, String uuid, String code, String... extra) {
        Map<String, String> form = form("encrypted_data", project.encrypt(uuid + "#" + code),
                "public_key", project.publicKey());
        form.putAll(form(extra));
        return post(base + "/otp/verify", form);
    }

    /** A code that is certainly not {@code code}. */
    public static String wrong(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == '9' ? '0' : (char) (last + 1));
    }
}
