package org.secure2fa.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The management API at /api/v1 with tokens made in the console by two accounts: the token checks (401
 * for anything not good now, 403 for a read token writing, 404 across accounts), problem details, ETags,
 * and secrets only in the answers that issue them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManageApiIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ConsoleMember alice;
    private ConsoleMember bob;
    private String aliceWrite;
    private String aliceRead;
    private String bobWrite;
    private long aliceProject;
    private String aliceSecret;

    @BeforeAll
    void twoAccountsMakeTokensInTheConsole() throws Exception {
        alice = ConsoleMember.signUp("alice");
        aliceWrite = makeToken(alice, "deploy script", true);
        aliceRead = makeToken(alice, "monitoring", false);
        bob = ConsoleMember.signUp("bob");
        bobWrite = makeToken(bob, "bob's script", true);
        alice.browser.open("/app/tokens.xhtml");
        assertEquals(List.of("deploy script", "monitoring"), alice.browser.texts(".token-name"), "the console lists the tokens");
        assertFalse(alice.browser.source().contains(aliceRead) || alice.browser.source().contains(aliceWrite),
                "a token is shown only once");
    }

    @AfterAll
    void closeBrowsers() {
        if (alice != null) {
            alice.close();
        }
        if (bob != null) {
            bob.close();
        }
    }

    @Test
    @Order(1)
    void theJwksIsPublicAndHoldsOnlyPublicKeys() {
        Reply jwks = call("GET", "/api/v1/jwks", null, null, null);
        assertEquals(200, jwks.status());
        JsonArray keys = jwks.json().getJsonArray("keys");
        assertFalse(keys.isEmpty());
        for (JsonValue key : keys) {
            JsonObject k = key.asJsonObject();
            assertEquals("EC", k.getString("kty"));
            assertTrue(k.containsKey("kid"), "each key names itself");
            assertFalse(k.containsKey("d"), "no private part");
        }
        assertTrue(jwks.headers().firstValue("Cache-Control").orElse("").contains("max-age=60"));
    }

    @Test
    @Order(1)
    void theOpenApiDocumentAndTheInteractiveReferenceAreServedFromTheApplication() {
        Reply document = call("GET", "/api/v1/openapi", null, null, null);
        assertEquals(200, document.status());
        assertTrue(document.json().getString("openapi").startsWith("3."));
        assertTrue(document.json().getJsonObject("paths").containsKey("/v1/projects"));
        Reply page = call("GET", "/api/docs/", null, null, null);
        assertEquals(200, page.status());
        java.util.regex.Matcher bundle = java.util.regex.Pattern.compile("src=\"\\.\\./(webjars/swagger-ui/[^\"]+\\.js)\"")
                .matcher(page.body());
        assertTrue(bundle.find(), page.body());
        Reply script = call("GET", "/api/" + bundle.group(1), null, null, null);
        assertEquals(200, script.status(), "swagger-ui comes from the application, not a CDN");
        assertTrue(script.body().length() > 100_000);
        alice.browser.open("/app/tokens.xhtml");
        assertTrue(alice.browser.byId("apiReference").getAttribute("href").endsWith("/api/docs/"), "the console links to it");
    }

    @Test
    @Order(2)
    void aWriteTokenCreatesReadsAndUpdatesAProjectWithTheSecretOnlyOnCreate() {
        Reply created = call("POST", "/api/v1/projects", aliceWrite, "{\"name\":\"Shop (staging)\"}", null);
        assertEquals(201, created.status(), created.body());
        JsonObject body = created.json();
        aliceProject = body.getJsonObject("project").getJsonNumber("id").longValue();
        aliceSecret = body.getString("secretKey");
        assertEquals(32, aliceSecret.length(), "the secret key, once");
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/api/v1/projects/" + aliceProject));
        assertEquals(1, Fixtures.number("select count(*) from audit_event where action = 'PROJECT_CREATED' and project_id = ?"
                + " and api_token_id = ?", aliceProject, tokenId(aliceWrite)), "the audit log names the token behind a change");

        Reply read = call("GET", "/api/v1/projects/" + aliceProject, aliceRead, null, null);
        assertEquals(200, read.status());
        assertEquals("Shop (staging)", read.json().getString("name"));
        assertFalse(read.body().contains(aliceSecret) || read.body().contains("secret"), "no secret in a GET");
        Reply list = call("GET", "/api/v1/projects", aliceRead, null, null);
        assertFalse(list.body().contains(aliceSecret));
        String etag = read.headers().firstValue("ETag").orElseThrow();

        String settings = "{\"name\":\"Shop (staging)\",\"codeDigits\":8,\"templateRequests\":true}";
        Reply updated = call("PUT", "/api/v1/projects/" + aliceProject, aliceWrite, settings, etag);
        assertEquals(200, updated.status(), updated.body());
        assertEquals(8, updated.json().getInt("codeDigits"));
        String newTag = updated.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(etag, newTag, "a change changes the ETag");

        Reply stale = call("PUT", "/api/v1/projects/" + aliceProject, aliceWrite,
                "{\"name\":\"Overwritten\",\"templateRequests\":false}", etag);
        assertEquals(412, stale.status(), "an update from a stale read is refused");
        assertProblem(stale);
        assertEquals("Shop (staging)", call("GET", "/api/v1/projects/" + aliceProject, aliceRead, null, null)
                .json().getString("name"), "and changed nothing");
    }

    @Test
    @Order(3)
    void aRotationAnswersTheNewSecretOnce() {
        Reply rotated = call("POST", "/api/v1/projects/" + aliceProject + "/secret-rotations", aliceWrite,
                "{\"graceHours\":1}", null);
        assertEquals(200, rotated.status(), rotated.body());
        String secret = rotated.json().getString("secretKey");
        assertNotEquals(aliceSecret, secret);
        assertTrue(rotated.json().getJsonObject("project").getJsonNumber("previousSecretUntil").longValue()
                > System.currentTimeMillis(), "the old secret keeps working for the grace period");
        Reply tooLong = call("POST", "/api/v1/projects/" + aliceProject + "/secret-rotations", aliceWrite,
                "{\"graceHours\":1000}", null);
        assertEquals(400, tooLong.status());
        assertEquals("graceHours", tooLong.json().getString("field"));
    }

    @Test
    @Order(5)
    void aReadTokenCannotWrite() {
        Reply refused = call("POST", "/api/v1/projects", aliceRead, "{\"name\":\"Sneaky\"}", null);
        assertEquals(403, refused.status());
        assertProblem(refused);
        assertEquals(403, call("DELETE", "/api/v1/projects/" + aliceProject, aliceRead, null, null).status());
    }

    @Test
    @Order(6)
    void anotherAccountsObjectsAreNotFound() {
        for (String method : List.of("GET", "DELETE")) {
            Reply other = call(method, "/api/v1/projects/" + aliceProject, bobWrite, null, null);
            assertEquals(404, other.status(), method);
            assertProblem(other);
        }
        assertEquals(404, call("PUT", "/api/v1/projects/" + aliceProject, bobWrite,
                "{\"name\":\"Taken over\",\"templateRequests\":false}", null).status());
        assertEquals(404, call("POST", "/api/v1/projects/" + aliceProject + "/secret-rotations", bobWrite,
                "{\"graceHours\":0}", null).status());
        assertFalse(call("GET", "/api/v1/projects", bobWrite, null, null).body().contains("Shop (staging)"));
        long aliceToken = tokenId(aliceRead);
        assertEquals(404, call("GET", "/api/v1/tokens/" + aliceToken, bobWrite, null, null).status());
        assertEquals(404, call("DELETE", "/api/v1/tokens/" + aliceToken, bobWrite, null, null).status());
        assertEquals(200, call("GET", "/api/v1/projects/" + aliceProject, aliceRead, null, null).status(),
                "the token still works");
    }

    @Test
    @Order(7)
    void badBodiesAreProblemsNeverServerErrors() {
        for (String body : List.of("{", "[]", "{\"name\":", "not json", "{\"name\":\"\"}", "{\"name\":\"   \"}",
                "{\"graceHours\":\"soon\"}", "{\"name\":\"" + "x".repeat(101) + "\"}")) {
            Reply reply = call("POST", "/api/v1/projects", aliceWrite, body, null);
            assertEquals(400, reply.status(), body + " → " + reply.body());
            assertProblem(reply);
        }
        Reply unknown = call("GET", "/api/v1/nothing-here", aliceRead, null, null);
        assertEquals(404, unknown.status());
        assertProblem(unknown);
        Reply badId = call("GET", "/api/v1/projects/abc", aliceRead, null, null);
        assertTrue(badId.status() == 404 || badId.status() == 400, badId.status() + " " + badId.body());
    }

    @Test
    @Order(8)
    void tokensThatAreNotGoodNowAreAll401() throws Exception {
        assertUnauthorized(call("GET", "/api/v1/projects", null, null, null), "no token");
        assertUnauthorized(call("GET", "/api/v1/projects", "not-a-jwt", null, null), "garbage");
        // Same claims and the service's own key id, signed with another key.
        SignedJWT real = SignedJWT.parse(aliceWrite);
        ECKey other = new ECKeyGenerator(Curve.P_256).keyID(real.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(other.getKeyID())
                .type(JOSEObjectType.JWT).build(), real.getJWTClaimsSet());
        forged.sign(new ECDSASigner(other));
        assertUnauthorized(call("GET", "/api/v1/projects", forged.serialize(), null, null), "forged signature");
        // The real signature over changed claims (another account's id).
        String[] parts = aliceWrite.split("\\.");
        String otherAccount = String.valueOf(Long.parseLong(real.getJWTClaimsSet().getSubject()) + 1);
        JWTClaimsSet changed = new JWTClaimsSet.Builder(real.getJWTClaimsSet()).subject(otherAccount).build();
        String tampered = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(real.getHeader().toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + java.util.Base64.getUrlEncoder()
                .withoutPadding().encodeToString(changed.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "." + parts[2];
        assertUnauthorized(call("GET", "/api/v1/projects", tampered, null, null), "tampered claims");
        // An expired token with a forged signature is still just 401.
        SignedJWT expired = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(other.getKeyID()).build(),
                new JWTClaimsSet.Builder(real.getJWTClaimsSet()).expirationTime(new Date(1000)).build());
        expired.sign(new ECDSASigner(other));
        assertUnauthorized(call("GET", "/api/v1/projects", expired.serialize(), null, null), "expired");

        // Signed with the service's real key (read from the database with the master key, as only the
        // server can): MP-JWT itself must refuse a wrong issuer, a wrong audience and an expired token.
        String kid = real.getHeader().getKeyID();
        ECKey serviceKey = ECKey.parse(TestServer.KEYRING.open((String) Fixtures.row(
                "select private_sealed from signing_key where kid = ?", kid).get("private_sealed")));
        JWTClaimsSet claims = real.getJWTClaimsSet();
        assertEquals(200, call("GET", "/api/v1/projects", signed(serviceKey, claims), null, null).status(),
                "the same claims re-signed with the real key are good (so the refusals below are the claims')");
        assertUnauthorized(call("GET", "/api/v1/projects", signed(serviceKey,
                new JWTClaimsSet.Builder(claims).issuer("someone-else").build()), null, null), "wrong issuer");
        assertUnauthorized(call("GET", "/api/v1/projects", signed(serviceKey,
                new JWTClaimsSet.Builder(claims).audience("another-api").build()), null, null), "wrong audience");
        assertUnauthorized(call("GET", "/api/v1/projects", signed(serviceKey,
                new JWTClaimsSet.Builder(claims).issueTime(new Date(System.currentTimeMillis() - 7_200_000))
                        .expirationTime(new Date(System.currentTimeMillis() - 3_600_000)).build()), null, null), "expired");
        assertUnauthorized(call("GET", "/api/v1/projects", signed(serviceKey,
                new JWTClaimsSet.Builder(claims).jwtID("999999").build()), null, null), "a token id the database does not know");

        // Revoked: the token itself still verifies, the database says no.
        long readId = tokenId(aliceRead);
        Reply revoked = call("DELETE", "/api/v1/tokens/" + readId, aliceWrite, null, null);
        assertEquals(200, revoked.status(), revoked.body());
        assertTrue(revoked.json().containsKey("revokedAt"));
        assertUnauthorized(call("GET", "/api/v1/projects", aliceRead, null, null), "revoked");
        JsonArray tokens = call("GET", "/api/v1/tokens", aliceWrite, null, null).json(JsonArray.class);
        assertEquals(2, tokens.size());
        assertFalse(tokens.toString().contains(aliceWrite), "a token list never holds the tokens");
    }

    @Test
    @Order(9)
    void aDeletedProjectIsGoneAndTheConsoleShowsLastUse() {
        assertEquals(204, call("DELETE", "/api/v1/projects/" + aliceProject, aliceWrite, null, null).status());
        assertEquals(404, call("GET", "/api/v1/projects/" + aliceProject, aliceWrite, null, null).status());
        alice.browser.open("/app/tokens.xhtml");
        assertEquals(List.of("Active", "Revoked"), alice.browser.texts(".token-state"));
        assertEquals(List.of(), alice.browser.texts(".never"), "both tokens were used, and the console says when");
    }

    @Test
    @Order(10)
    void thePublicApiAndTheConsoleIgnoreBearerTokens() {
        // Payara installs MP-JWT for every module of the EAR; the public API and the console remove it for
        // themselves (UnauthenticatedModule), so a header they never asked for changes nothing there.
        for (String path : List.of("/otp/noop", "/signin.xhtml", "/health/ready")) {
            int plain = call("GET", path, null, null, null).status();
            assertEquals(plain, call("GET", path, "garbage", null, null).status(), path + " with a bad token");
            assertEquals(plain, call("GET", path, aliceWrite, null, null).status(), path + " with a good token");
        }
    }

    @Test
    @Order(10)
    void noTokenEverReachesTheServerLog() throws Exception {
        java.nio.file.Path dir = TestServer.get().server.serverLog().getParent();
        StringBuilder logs = new StringBuilder();
        try (var files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path file : files.filter(f -> f.getFileName().toString().startsWith("server.log")).toList()) {
                logs.append(java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        assertTrue(logs.length() > 1000, "the log was read");
        for (String token : List.of(aliceWrite, aliceRead, bobWrite)) {
            String signature = token.substring(token.lastIndexOf('.') + 1);
            assertFalse(logs.indexOf(signature) >= 0, "a token's signature is in the server log");
        }
        assertFalse(logs.indexOf(aliceSecret) >= 0, "a project's secret is in the server log");
    }

    @Test
    @Order(4)
    void aWholeSetupThroughTheApiOnlyIssuesAndVerifiesCodesAcrossARotation() {
        Reply providers = call("GET", "/api/v1/channels/providers?type=EMAIL", aliceWrite, null, null);
        assertEquals(200, providers.status(), providers.body());
        assertTrue(providers.body().contains("\"dev-outbox\""), "the catalogue lists the providers");
        Reply channel = call("POST", "/api/v1/channels", aliceWrite,
                "{\"name\":\"Outbox\",\"type\":\"EMAIL\",\"providerId\":\"dev-outbox\",\"settings\":{}}", null);
        assertEquals(201, channel.status(), channel.body());
        long channelId = channel.json().getJsonNumber("id").longValue();
        String authToken = "twilio-secret-" + java.util.UUID.randomUUID();
        Reply sms = call("POST", "/api/v1/channels", aliceWrite, "{\"name\":\"SMS\",\"type\":\"SMS\",\"providerId\":"
                + "\"twilio\",\"settings\":{\"account_sid\":\"AC0123\",\"auth_token\":\"" + authToken
                + "\",\"from\":\"+14155550100\"}}", null);
        assertEquals(201, sms.status(), sms.body());
        assertTrue(sms.json().getJsonArray("secretsSet").toString().contains("auth_token"), "the answer says the secret is set");
        long smsId = sms.json().getJsonNumber("id").longValue();
        for (String read : List.of(sms.body(), call("GET", "/api/v1/channels/" + smsId, aliceRead, null, null).body(),
                call("GET", "/api/v1/channels", aliceRead, null, null).body())) {
            assertFalse(read.contains(authToken), "a channel's secret is never answered");
        }
        Reply template = call("POST", "/api/v1/templates", aliceWrite, """
                {"name":"Sign-in","versions":[
                  {"lang":"en","subject":"Your code","body":"Your code is {{OTP_CODE}}."},
                  {"lang":"fr","subject":"Votre code","body":"Votre code : {{OTP_CODE}}"}]}""", null);
        assertEquals(201, template.status(), template.body());
        long templateId = template.json().getJsonNumber("id").longValue();
        Reply preview = call("GET", "/api/v1/templates/" + templateId + "/preview?lang=fr&code=424242", aliceRead, null, null);
        assertEquals("Votre code : 424242", preview.json().getString("body"));

        Reply created = call("POST", "/api/v1/projects", aliceWrite, "{\"name\":\"Checkout\"}", null);
        JsonObject project = created.json().getJsonObject("project");
        long projectId = project.getJsonNumber("id").longValue();
        Reply linked = call("PUT", "/api/v1/projects/" + projectId, aliceWrite, "{\"name\":\"Checkout\",\"channelId\":"
                + channelId + ",\"templateId\":" + templateId + ",\"templateRequests\":true}", null);
        assertEquals(200, linked.status(), linked.body());
        assertTrue(linked.json().getBoolean("linked"));

        Fixtures.TestProject keys = new Fixtures.TestProject(projectId, project.getString("publicKey"),
                created.json().getString("secretKey"), channelId);
        String first = "api-user-1";
        Api.Reply french = Api.template(keys, first, "user@example.test", "lang", "fr");
        assertEquals(200, french.status(), french.body());
        assertTrue(french.json().getString("body").startsWith("Votre code : "), "the second language");
        assertEquals(200, Api.verify(keys, first, french.code()).status());

        Reply rotated = call("POST", "/api/v1/projects/" + projectId + "/secret-rotations", aliceWrite,
                "{\"graceHours\":1}", null);
        Fixtures.TestProject newKeys = new Fixtures.TestProject(projectId, keys.publicKey(),
                rotated.json().getString("secretKey"), channelId);
        Api.Reply byNew = Api.template(newKeys, "api-user-2", "user@example.test");
        assertEquals(200, Api.verify(keys, "api-user-2", byNew.code()).status(), "the old key still works in the grace period");
        Api.Reply byOld = Api.template(keys, "api-user-3", "user@example.test");
        assertEquals(200, byOld.status());
        assertEquals(200, Api.verify(newKeys, "api-user-3", byOld.code()).status(), "and the new one");

        Reply page = call("GET", "/api/v1/projects/" + projectId + "/activity/events?limit=2", aliceRead, null, null);
        assertEquals(200, page.status(), page.body());
        assertEquals(2, page.json().getJsonArray("events").size());
        String next = page.json().getString("next");
        Reply rest = call("GET", "/api/v1/projects/" + projectId + "/activity/events?limit=200&cursor=" + next, aliceRead,
                null, null);
        assertEquals(4, rest.json().getJsonArray("events").size(), "six events: three codes, three verifies");
        assertFalse(rest.json().containsKey("next") && !rest.json().isNull("next"), "the last page");
        assertEquals(400, call("GET", "/api/v1/projects/" + projectId + "/activity/events?cursor=bogus", aliceRead, null,
                null).status());
        JsonArray days = call("GET", "/api/v1/projects/" + projectId + "/activity/daily?days=3", aliceRead, null, null)
                .json(JsonArray.class);
        JsonObject today = days.getJsonObject(2);
        assertEquals(3, today.getInt("generated"));
        assertEquals(3, today.getInt("verified"));
        assertEquals(100, today.getInt("conversionPercent"));

        Reply readChannel = call("GET", "/api/v1/channels/" + channelId, aliceRead, null, null);
        Reply stale = call("PUT", "/api/v1/channels/" + channelId, aliceWrite,
                "{\"name\":\"Renamed\",\"type\":\"EMAIL\",\"providerId\":\"dev-outbox\"}", "\"0000\"");
        assertEquals(412, stale.status(), stale.body());
        Reply renamed = call("PUT", "/api/v1/channels/" + channelId, aliceWrite,
                "{\"name\":\"Renamed\",\"type\":\"EMAIL\",\"providerId\":\"dev-outbox\"}",
                readChannel.headers().firstValue("ETag").orElseThrow());
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals(404, call("GET", "/api/v1/channels/" + channelId, bobWrite, null, null).status());
        assertEquals(404, call("GET", "/api/v1/templates/" + templateId, bobWrite, null, null).status());
        assertEquals(404, call("GET", "/api/v1/projects/" + projectId + "/activity/events", bobWrite, null, null).status());
    }

    private static void assertUnauthorized(Reply reply, String what) {
        assertEquals(401, reply.status(), what + ": " + reply.body());
        assertFalse(reply.body().contains("Exception") || reply.body().contains("signature")
                || reply.body().contains("expired"), what + " tells nothing that helps: " + reply.body());
    }

    private static void assertProblem(Reply reply) {
        assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                reply.headers().map() + " " + reply.body());
        assertEquals(reply.status(), reply.json().getInt("status"));
        assertTrue(reply.json().getString("detail").length() > 5);
    }

    private static String signed(ECKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private static long tokenId(String token) {
        try {
            return Long.parseLong(SignedJWT.parse(token).getJWTClaimsSet().getJWTID());
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    static String makeToken(ConsoleMember member, String name, boolean writes) {
        Browser b = member.browser;
        b.open("/app/tokens.xhtml");
        b.type("tokens:name", name);
        b.select("tokens:writes", Boolean.toString(writes));
        b.click("tokens:create");
        b.awaitPresent("#issuedToken");
        String token = b.text("issuedToken");
        assertEquals(3, token.split("\\.").length, "a JWT");
        return token;
    }

    record Reply(int status, String body, java.net.http.HttpHeaders headers) {

        JsonObject json() {
            return json(JsonObject.class);
        }

        <T extends JsonValue> T json(Class<T> type) {
            try (var reader = Json.createReader(new StringReader(body))) {
                return type.cast(reader.readValue());
            }
        }
    }

    private static Reply call(String method, String path, String token, String json, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestServer.get().baseUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(method + " " + path, e);
        }
    }
}
