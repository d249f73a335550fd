package org.secure2fa.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secure2fa.it.Api.form;
import static org.secure2fa.it.Api.post;

import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.secure2fa.it.Api.Reply;
import org.secure2fa.it.Fixtures.TestProject;

/** Every answer of docs/api.md (Contract), byte for byte, over HTTP against the real EAR. */
class ApiContractIT {

    private static final String GENERATED = "{\"success\":true,\"message\":\"OTP generated successfully.\"}";
    private static final String VERIFIED = "{\"verified\":true,\"message\":\"OTP verified successfully\"}";
    private static final String INVALID_OTP = "{\"verified\":false,\"message\":\"Invalid or expired OTP\"}";
    private static final String TOO_MANY = "{\"verified\":false,\"message\":\"Too many requests. Request a new OTP\"}";
    private static final String BAD_DEVICE = "{\"verified\":false,\"message\":\"Unauthorized device.\"}";
    private static final String INVALID_CREDENTIALS =
            "{\"success\":false,\"message\":\"Invalid public key or encrypted data.\"}";

    private final TestProject project = Fixtures.project();

    private static String uuid() {
        return "user-" + UUID.randomUUID();
    }

    @Test
    void generateSendsAndAnswersTheSeedMessage() {
        Reply reply = Api.generate(project, uuid(), "alice@example.com");
        assertEquals(200, reply.status());
        assertEquals(GENERATED, reply.body());
    }

    @Test
    void templateRequestReturnsTheRenderedMessageAndSendsNothing() {
        String uuid = uuid();
        Reply reply = Api.template(project, uuid, "alice@example.com", "lang", "fr");
        assertEquals(200, reply.status());
        var json = reply.json();
        assertTrue(json.getBoolean("success"));
        assertEquals("OTP generated successfully.", json.getString("message"));
        assertEquals("Votre code de connexion", json.getString("subject"));
        assertEquals("Votre code de connexion est " + reply.code() + ".", json.getString("body"));
        assertEquals(6, reply.code().length());
        assertEquals(0, Fixtures.number("select count(*) from delivery where project_id = ?", project.id()));
        assertEquals(1, Fixtures.number("select count(*) from challenge where project_id = ? and template_request = true",
                project.id()));
    }

    @Test
    void aSentMessageIsQueuedInTheOutboxNotTheCode() {
        Api.generate(project, uuid(), "alice@example.com");
        assertEquals(1, Fixtures.number("select count(*) from delivery where project_id = ?", project.id()));
        var challenge = Fixtures.row("select code_hash, recipient_masked from challenge where project_id = ?", project.id());
        assertEquals("a***@example.com", challenge.get("recipient_masked"));
        assertFalse(String.valueOf(challenge.get("code_hash")).matches("\\d+"), "the code is stored hashed");
    }

    @Test
    void verifyAnswersExactlyAsTheSeed() {
        String uuid = uuid();
        String code = Api.template(project, uuid, "alice@example.com").code();
        Reply wrong = Api.verify(project, uuid, Api.wrong(code));
        assertEquals(401, wrong.status());
        assertEquals(INVALID_OTP, wrong.body());
        Reply right = Api.verify(project, uuid, code);
        assertEquals(200, right.status());
        assertEquals(VERIFIED, right.body());
        Reply again = Api.verify(project, uuid, code);
        assertEquals(401, again.status(), "single use");
        assertEquals(INVALID_OTP, again.body());
    }

    @Test
    void exhaustedAndUnauthorizedDeviceMessages() {
        String uuid = uuid();
        String code = Api.template(project, uuid, "alice@example.com", "ip_address", "203.0.113.7").code();
        Reply device = Api.verify(project, uuid, code, "ip_address", "198.51.100.1");
        assertEquals(401, device.status());
        assertEquals(BAD_DEVICE, device.body());
        for (int i = 0; i < 4; i++) {
            Api.verify(project, uuid, Api.wrong(code));
        }
        Reply exhausted = Api.verify(project, uuid, code);
        assertEquals(429, exhausted.status());
        assertEquals(TOO_MANY, exhausted.body());
    }

    @Test
    void jsonBodiesWorkLikeForms() {
        String uuid = uuid();
        Reply generated = Api.send("/otp/generate", "application/json",
                "{\"public_key\":\"" + project.publicKey() + "\",\"encrypted_data\":\""
                        + project.encrypt(uuid + "#alice@example.com") + "\",\"template_request\":true,\"lang\":\"en\"}");
        assertEquals(200, generated.status(), generated.body());
        Reply verified = Api.send("/otp/verify", "application/json; charset=utf-8",
                "{\"public_key\":\"" + project.publicKey() + "\",\"encrypted_data\":\""
                        + project.encrypt(uuid + "#" + generated.code()) + "\"}");
        assertEquals(200, verified.status());
        assertEquals(VERIFIED, verified.body());
    }

    @Test
    void rubyLineBreaksUrlSafeBase64AndPythonSpacePaddingAreAccepted() {
        String uuid = uuid();
        String payload = project.encrypt(uuid + "#a-rather-long-address-to-need-several-lines@example.com");
        StringBuilder ruby = new StringBuilder();
        for (int i = 0; i < payload.length(); i += 60) {
            ruby.append(payload, i, Math.min(payload.length(), i + 60)).append('\n');
        }
        Reply reply = post("/otp/generate", form("encrypted_data", ruby.toString(), "public_key", project.publicKey(),
                "template_request", "1"));
        assertEquals(200, reply.status(), reply.body());
        String urlSafe = project.encrypt(uuid + "#" + reply.code()).replace('+', '-').replace('/', '_').replace("=", "");
        Reply verified = post("/otp/verify", form("encrypted_data", urlSafe, "public_key", project.publicKey()));
        assertEquals(200, verified.status(), verified.body());

        String uuid2 = uuid();
        String code = Api.template(project, uuid2, "bob@example.com").code();
        Reply python = post("/otp/verify", form("encrypted_data", pythonStyle(project, uuid2 + "#" + code),
                "public_key", project.publicKey()));
        assertEquals(200, python.status(), python.body());
    }

    /** The seed's Python example: space padding, no PKCS#7. */
    static String pythonStyle(TestProject project, String plain) {
        try {
            String padded = plain + " ".repeat(16 - plain.length() % 16);
            byte[] iv = new byte[16];
            new java.security.SecureRandom().nextBytes(iv);
            var cipher = javax.crypto.Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, project.key(), new javax.crypto.spec.IvParameterSpec(iv));
            byte[] ct = cipher.doFinal(padded.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] out = new byte[16 + ct.length];
            System.arraycopy(iv, 0, out, 0, 16);
            System.arraycopy(ct, 0, out, 16, ct.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void languageSelection() {
        assertEquals("Votre code de connexion", Api.template(project, uuid(), "a@example.com", "lang", "fr").json()
                .getString("subject"));
        assertEquals("Votre code de connexion", Api.template(project, uuid(), "a@example.com", "lang", "FR-ca").json()
                .getString("subject"));
        assertEquals("Your login code", Api.template(project, uuid(), "a@example.com", "lang", "de").json()
                .getString("subject"), "unknown language: the first version");
        assertEquals("Your login code", Api.template(project, uuid(), "a@example.com").json().getString("subject"));
    }

    @Test
    void projectDigitsOverrideTheDefault() {
        TestProject eight = Fixtures.project(Fixtures.spec().digits(8));
        String uuid = uuid();
        String code = Api.template(eight, uuid, "a@example.com").code();
        assertEquals(8, code.length());
        assertEquals(200, Api.verify(eight, uuid, code).status());
    }

    @Test
    void smsProjectsTakeE164Numbers() {
        TestProject sms = Fixtures.project(Fixtures.spec().sms());
        assertEquals(200, Api.generate(sms, uuid(), "+14155552671").status());
        assertEquals(INVALID_CREDENTIALS, Api.generate(sms, uuid(), "4155552671").body());
        assertEquals(INVALID_CREDENTIALS, Api.generate(sms, uuid(), "alice@example.com").body());
        assertEquals(INVALID_CREDENTIALS, Api.generate(project, uuid(), "+14155552671").body());
    }

    @Test
    void unknownKeysAndBadPayloadsGetTheUniformAnswer() {
        Reply unknown = post("/otp/generate", form("encrypted_data", project.encrypt("u#a@example.com"),
                "public_key", "0123456789abcdef0123456789abcdef"));
        assertEquals(401, unknown.status());
        assertEquals(INVALID_CREDENTIALS, unknown.body());
        for (String plain : new String[] {"no-hash-here", "u#not-an-email", "#a@example.com", "u#"}) {
            Reply reply = post("/otp/generate", form("encrypted_data", project.encrypt(plain), "public_key",
                    project.publicKey()));
            assertEquals(401, reply.status(), plain);
            assertEquals(INVALID_CREDENTIALS, reply.body(), plain);
        }
        Reply verifyUnknown = post("/otp/verify", form("encrypted_data", project.encrypt("u#123456"),
                "public_key", "0123456789abcdef0123456789abcdef"));
        assertEquals(INVALID_OTP, verifyUnknown.body());
    }

    @Test
    void aProjectThatTurnedOffTemplateRequestsAnswers403AndStillSendsCodes() throws Exception {
        TestProject project = Fixtures.project(Fixtures.spec().smtp(TestServer.get().smtpPort()));
        try (var c = TestServer.get().connection();
             var s = c.prepareStatement("update project set template_requests = false where id = ?")) {
            s.setLong(1, project.id());
            assertEquals(1, s.executeUpdate());
        }
        Reply refused = Api.template(project, uuid(), "alice@example.com");
        assertEquals(403, refused.status());
        assertEquals("{\"success\":false,\"message\":\"Template requests are turned off for this project.\"}",
                refused.body());
        assertEquals(0, Fixtures.number("select count(*) from challenge where project_id = ?", project.id()),
                "no code was made");
        assertEquals(200, Api.generate(project, uuid(), "alice@example.com").status());
    }

    @Test
    void anUnlinkedProjectAnswers409() {
        TestProject unlinked = Fixtures.project(Fixtures.spec().unlinked());
        Reply reply = Api.generate(unlinked, uuid(), "alice@example.com");
        assertEquals(409, reply.status());
        assertEquals("{\"success\":false,\"message\":\"The project is not linked to a channel and a template.\"}",
                reply.body());
    }

    @Test
    void missingOrMalformedClearFieldsAre400WithAMessage() {
        assertEquals(new Reply(400, "{\"success\":false,\"message\":\"public_key is required.\"}"),
                post("/otp/generate", form("encrypted_data", "x")));
        assertEquals(new Reply(400, "{\"success\":false,\"message\":\"encrypted_data is required.\"}"),
                post("/otp/generate", form("public_key", project.publicKey())));
        assertEquals(new Reply(400, "{\"verified\":false,\"message\":\"encrypted_data is required.\"}"),
                post("/otp/verify", form("public_key", project.publicKey())));
        String payload = project.encrypt("u#a@example.com");
        assertEquals(400, post("/otp/generate", form("encrypted_data", payload, "public_key", project.publicKey(),
                "lang", "english")).status());
        assertEquals(400, post("/otp/generate", form("encrypted_data", payload, "public_key", project.publicKey(),
                "ip_address", "not-an-ip")).status());
        assertEquals(400, post("/otp/generate", form("encrypted_data", payload, "public_key", project.publicKey(),
                "template_request", "maybe")).status());
        assertEquals(400, post("/otp/generate", form("encrypted_data", payload, "public_key", project.publicKey(),
                "user_agent", "x".repeat(2000))).status());
        assertEquals(400, Api.send("/otp/verify", "application/json", "[1,2]").status());
        assertEquals(400, Api.send("/otp/verify", "application/json", "{\"public_key\":{\"a\":1}}").status());
        assertEquals(400, Api.send("/otp/generate", "application/x-www-form-urlencoded", "public_key=%zz").status());
    }

    @Test
    void protocolErrorsAreJsonWithoutInternals() {
        Reply unsupported = Api.send("/otp/generate", "text/plain", "hello");
        assertEquals(415, unsupported.status());
        assertTrue(unsupported.body().startsWith("{\"success\":false"), unsupported.body());
        Reply method = Api.get("/otp/verify");
        assertEquals(405, method.status());
        assertTrue(method.body().startsWith("{\"verified\":false"), method.body());
        Reply missing = Api.send("/otp/nothing-here", "application/x-www-form-urlencoded", "a=b");
        assertEquals(404, missing.status());
        assertTrue(missing.body().startsWith("{"), missing.body());
    }

    @Test
    void ipv6AndUserAgentAreAccepted() {
        String uuid = uuid();
        String code = Api.template(project, uuid, "a@example.com", "ip_address", "2001:db8::1",
                "user_agent", "Mozilla/5.0 (X11; Linux x86_64)").code();
        assertEquals(200, Api.verify(project, uuid, code, "ip_address", "2001:db8::1",
                "user_agent", "Mozilla/5.0 (X11; Linux x86_64)").status());
    }
}
