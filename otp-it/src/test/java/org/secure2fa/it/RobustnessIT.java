package org.secure2fa.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.secure2fa.it.Api.Reply;
import org.secure2fa.it.Fixtures.TestProject;

/** No input yields a 500 or a stack trace: random and hostile bodies against both endpoints. */
class RobustnessIT {

    private static final Set<Integer> EXPECTED = Set.of(200, 400, 401, 404, 405, 409, 415, 429);

    private static void assertClean(String what, Reply reply) {
        assertTrue(EXPECTED.contains(reply.status()), what + " -> " + reply);
        for (String leak : new String[] {"Exception", "\tat ", "org.secure2fa", "jakarta.", "eclipse", "Payara"}) {
            assertFalse(reply.body().contains(leak), what + " leaks " + leak + ": " + reply.body());
        }
    }

    @Test
    void hostileBodiesNeverBreakTheApi() {
        TestProject project = Fixtures.project();
        String pk = project.publicKey();
        String[] forms = {
                "", "&&&", "=", "public_key", "public_key=&encrypted_data=", "encrypted_data=%", "public_key=%C3%28",
                "public_key=" + pk + "&encrypted_data=" + "A".repeat(100_000),
                "public_key=" + pk + "&encrypted_data=" + "%00".repeat(64),
                "public_key=" + pk + "&encrypted_data=abc&template_request=%00",
                "public_key=" + pk + "&encrypted_data=abc&lang=%F0%9F%98%80",
                "public_key=" + pk + "&encrypted_data=abc&ip_address=999.1.1.1",
                "public_key=" + pk + "&encrypted_data=abc&ip_address=::::::::::",
                "public_key=" + "x".repeat(5000) + "&encrypted_data=abc",
                "public_key[]=1&encrypted_data[]=2",
        };
        String[] jsons = {"", "null", "1", "\"s\"", "[]", "{", "{\"public_key\":null,\"encrypted_data\":null}",
                "{\"public_key\":1,\"encrypted_data\":2}", "{\"public_key\":[1],\"encrypted_data\":{}}",
                "{\"public_key\":\"" + pk + "\",\"encrypted_data\":\"abc\",\"template_request\":\"x\"}",
                "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}"};
        for (String path : new String[] {"/otp/generate", "/otp/verify", "/otp/noop"}) {
            for (String body : forms) {
                assertClean(path + " form " + abbreviate(body),
                        Api.send(path, "application/x-www-form-urlencoded", body));
            }
            for (String body : jsons) {
                assertClean(path + " json " + abbreviate(body), Api.send(path, "application/json", body));
            }
            assertClean(path + " no content type", Api.send(path, null, "x=y"));
            assertClean(path + " xml", Api.send(path, "application/xml", "<a/>"));
        }
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[random.nextInt(200)];
            random.nextBytes(bytes);
            String garbage = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
            String path = i % 2 == 0 ? "/otp/generate" : "/otp/verify";
            assertClean(path + " random #" + i, Api.post(path, Api.form("public_key", pk, "encrypted_data", garbage,
                    "lang", garbage.length() > 3 ? garbage.substring(0, 3) : garbage)));
        }
    }

    @Test
    void noAnswerNamesTheServerOrItsVersion() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        for (String path : new String[] {"/otp/noop", "/otp/nothing", "/nothing-here", "/", "/health/ready"}) {
            var response = client.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(TestServer.get().baseUrl() + path)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertTrue(response.headers().firstValue("Server").isEmpty(), path + " sends a Server header");
            assertTrue(response.headers().firstValue("X-Powered-By").isEmpty(), path + " sends X-Powered-By");
            assertFalse(response.body().contains("Payara") || response.body().contains("GlassFish"),
                    path + " names the server: " + response.body());
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
