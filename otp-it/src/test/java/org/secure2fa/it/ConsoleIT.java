package org.secure2fa.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secure2fa.it.ConsoleMember.awaitMail;
import static org.secure2fa.it.ConsoleMember.linkIn;
import static org.secure2fa.it.ConsoleMember.sleep;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.secure2fa.account.control.Base32;
import org.secure2fa.account.control.Totp;
import org.secure2fa.it.Fixtures.TestProject;

/**
 * The console in a real headless Chromium against the real EAR: a new owner's whole onboarding (sign-up
 * link by email, password, authenticator app, backup codes, channel, template, project) through to a
 * French code sent by the API and verified, shown in the activity table and chart; then the safety
 * properties: secret shown again only after a fresh TOTP code, used TOTP steps and backup codes refused,
 * key rotation with a grace period, forged posts rejected, tenant isolation, lockout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    private static final String PASSWORD = ConsoleMember.PASSWORD;
    private static final String SMTP_SECRET = "smtp-S3cret-" + UUID.randomUUID();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final Browser owner = new Browser();
    private final String ownerEmail = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    private byte[] ownerTotp;
    private long ownerLastStep = -1;
    private List<String> backupCodes;
    private long channelId;
    private long templateId;
    private TestProject project;

    @AfterAll
    void closeBrowser() {
        owner.close();
    }

    @Test
    @Order(1)
    void aNewOwnerOnboardsAndTheirFirstFrenchCodeIsSentAndVerified() throws Exception {
        Browser.NEVER_SHOWN.add(SMTP_SECRET);
        // 1. Sign up with an email only; the confirmation link arrives by email.
        owner.open("/");
        assertTrue(owner.url().endsWith("/signin.xhtml"), "a visitor starts at the sign-in page");
        owner.clickAndLoad("signupLink");
        owner.type("f:email", ownerEmail);
        owner.shot("sign-up");
        owner.click("f:submit");
        owner.awaitText("checkEmail", "Check your email");
        String link = linkIn(awaitMail(ownerEmail, "Confirm your Secure 2FA account"));

        // 2. The link sets the password; a common password is refused next to the field.
        owner.driver.get(link);
        owner.type("f:password", "passwordpassword");
        owner.type("f:repeat", "passwordpassword");
        owner.clickAndLoad("f:submit");
        assertTrue(owner.url().contains("/link.xhtml"), "a weak password keeps the owner on the page");
        assertTrue(owner.source().contains("ui-message-error"), "the policy's reason is shown");
        owner.type("f:password", PASSWORD);
        owner.type("f:repeat", PASSWORD);
        owner.shot("choose-password");
        owner.clickAndLoad("f:submit");

        // 3. Link the authenticator app: read the key from the page, enter a computed code.
        owner.awaitUrlContains("/enroll.xhtml");
        assertTrue(owner.byId("qr").getAttribute("src").startsWith("data:image/png;base64,"), "a QR code is shown");
        ownerTotp = Base32.decode(owner.text("totpKey").replace(" ", ""));
        owner.shot("link-authenticator-app");
        owner.type("f:code", ownerCode());
        owner.clickAndLoad("f:submit");

        // 4. Ten backup codes, shown once.
        owner.awaitUrlContains("/app/backup-codes.xhtml");
        backupCodes = owner.texts("li.backup-code");
        assertEquals(10, backupCodes.size());
        owner.shot("backup-codes");
        owner.clickAndLoad("continue");
        owner.awaitUrlContains("/app/dashboard.xhtml");
        assertTrue(owner.exists("emptyProjects"), "an empty dashboard says what to do next");
        owner.shot("dashboard-empty");
        owner.open("/app/backup-codes.xhtml");
        assertTrue(owner.texts("li.backup-code").isEmpty(), "backup codes are shown only once");

        // 5. A channel: SMTP to the test SMTP server, with a password that must never come back.
        owner.open("/app/channel.xhtml");
        owner.type("f:name", "Test SMTP");
        owner.select("f:provider", "smtp");
        owner.awaitPresent("input.setting-host");
        owner.driver.findElement(org.openqa.selenium.By.cssSelector("input.setting-host")).sendKeys("127.0.0.1");
        var port = owner.driver.findElement(org.openqa.selenium.By.cssSelector("input.setting-port"));
        port.clear();
        port.sendKeys(Integer.toString(TestServer.get().smtpPort()));
        owner.selectByClass("setting-security", "NONE");
        owner.driver.findElement(org.openqa.selenium.By.cssSelector("input.setting-password")).sendKeys(SMTP_SECRET);
        owner.driver.findElement(org.openqa.selenium.By.cssSelector("input.setting-from")).sendKeys("codes@shop.example.test");
        owner.shot("new-channel");
        owner.clickAndLoad("f:save");
        owner.awaitUrlContains("/app/channel.xhtml?id=");
        channelId = idIn(owner.url());
        assertTrue(owner.source().contains("Saved; never shown again."), "a stored secret shows only as saved");
        owner.type("test:testRecipient", "channel-test@example.test");
        owner.click("test:sendTest");
        owner.awaitText("testAnswer", "Accepted");
        awaitMail("channel-test@example.test", "Secure 2FA test message");
        owner.shot("channel-test-message");

        // 6. A template with English and French versions, previewed live with the SMS length.
        owner.open("/app/template.xhtml");
        owner.type("f:name", "Login code");
        owner.click("f:addVersion");
        owner.byId("f:versions:1:body");
        owner.select("f:versions:1:lang", "fr");
        owner.type("f:versions:1:subject", "Votre code de connexion");
        owner.type("f:versions:1:body", "Votre code : {{OTP_CODE}} — valable 10 minutes.");
        owner.awaitText("f:versions:1:preview", "Votre code : 482913");
        owner.type("f:versions:1:htmlBody", "<p>Votre code : <b>{{OTP_CODE}}</b></p><script>parent.document.title='x'</script>");
        owner.awaitPresent("iframe.html-preview");
        var frame = owner.driver.findElement(org.openqa.selenium.By.cssSelector("iframe.html-preview"));
        assertEquals("", frame.getAttribute("sandbox"), "the HTML preview is sandboxed");
        assertTrue(frame.getAttribute("srcdoc").contains("<b>482913</b>"), "the HTML preview shows the sample code");
        owner.driver.switchTo().frame(frame);
        assertEquals("Votre code : 482913", owner.driver.findElement(org.openqa.selenium.By.tagName("p")).getText());
        owner.driver.switchTo().defaultContent();
        assertFalse("x".equals(owner.driver.getTitle()), "no script of the template runs");
        owner.byId("f:versions:1:htmlBody").sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                org.openqa.selenium.Keys.DELETE);
        new org.openqa.selenium.support.ui.WebDriverWait(owner.driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(org.openqa.selenium.By.cssSelector("iframe.html-preview")).isEmpty());
        assertTrue(owner.text("f:versions:1:preview").contains("UCS-2"), "the dash makes the French SMS Unicode");
        assertTrue(owner.text("f:versions:0:preview").contains("GSM-7"), "the English SMS is GSM-7");
        owner.shot("template-with-preview");
        owner.clickAndLoad("f:save");
        owner.awaitUrlContains("/app/template.xhtml?id=");
        templateId = idIn(owner.url());

        // 7. A project: keys shown with the secret once; linked to the channel and the template.
        owner.open("/app/dashboard.xhtml");
        owner.type("create:name", "Shop sign-in");
        owner.clickAndLoad("create:submit");
        owner.awaitUrlContains("/app/project.xhtml?id=");
        long projectId = idIn(owner.url());
        String publicKey = owner.text("publicKey");
        String secretKey = owner.text("secretKey");
        assertTrue(publicKey.matches("[0-9a-f]{32}"));
        assertEquals(32, secretKey.length());
        project = new TestProject(projectId, publicKey, secretKey, channelId);
        assertEquals(409, Api.generate(project, "user-fr", "client.fr@example.test").status(),
                "an unlinked project cannot send");
        owner.select("settings:channel", Long.toString(channelId));
        owner.select("settings:template", Long.toString(templateId));
        owner.click("settings:save");
        owner.awaitText("messages", "Project saved.");
        owner.shot("project-keys-and-links");

        // 8. The API sends the French email; the code from it verifies.
        Api.Reply generated = Api.generate(project, "user-fr", "client.fr@example.test", "lang", "fr");
        assertEquals(200, generated.status(), generated.body());
        MimeMessage french = awaitMail("client.fr@example.test", "Votre code de connexion");
        Matcher code = Pattern.compile("Votre code : (\\d{6})").matcher(GreenMailUtil.getBody(french));
        assertTrue(code.find(), "the French body carries the code");
        assertEquals(401, Api.verify(project, "user-fr", Api.wrong(code.group(1))).status());
        Api.Reply verified = Api.verify(project, "user-fr", code.group(1));
        assertEquals(200, verified.status(), verified.body());

        // 9. The activity table and the chart show the events, in words.
        owner.open("/app/activity.xhtml?project=" + projectId);
        assertEquals("1", owner.text("statGenerated"));
        assertEquals("1", owner.text("statVerified"));
        assertEquals("100 %", owner.text("statConversion"));
        owner.awaitPresent("#chart canvas");
        List<String> kinds = owner.texts(".event-kind");
        List<String> outcomes = owner.texts(".event-outcome");
        assertEquals(List.of("Verify", "Verify", "Generate", "Generate"), kinds);
        assertEquals(List.of("Verified", "Refused: wrong, expired or used code", "Sent", "Refused: project not linked"),
                outcomes, "refused calls show too: the wrong code, and the call before linking");
        assertEquals("Sent", owner.texts(".event-delivery").get(2), "the delivery status of the email");
        assertEquals("c***@example.test", owner.texts(".event-recipient").get(1), "a refused code shows whose it was, masked");
        assertTrue(owner.source().contains("c***@example.test"), "the recipient is shown masked");
        assertFalse(owner.source().contains("client.fr@example.test"), "never the full recipient");
        owner.select("events:kind", "VERIFY");
        owner.click("events:apply");
        new org.openqa.selenium.support.ui.WebDriverWait(owner.driver, Duration.ofSeconds(10))
                .until(d -> owner.texts(".event-kind").equals(List.of("Verify", "Verify")));
        owner.shot("activity");
    }

    @Test
    @Order(2)
    void theSecretIsShownAgainOnlyAfterAFreshTotpCodeThatCannotBeReplayed() {
        owner.open("/app/project.xhtml?id=" + project.id());
        assertFalse(owner.exists("secretKey"), "after the first view the secret stays hidden");
        assertFalse(owner.source().contains(project.secretKey()));
        String code = ownerCode();
        owner.type("keys:revealCode", code);
        owner.click("keys:reveal");
        owner.awaitText("keys:secretPanel", project.secretKey());
        owner.click("keys:hideSecret");
        owner.byId("keys:revealCode");
        // The same code again, at once (its time step is still current): a used TOTP step is refused.
        owner.type("keys:revealCode", code);
        owner.click("keys:reveal");
        owner.awaitText("keys:secretPanel", "not right");
        assertFalse(owner.exists("secretKey"));
    }

    @Test
    @Order(3)
    void rotationKeepsTheOldSecretWorkingForTheGracePeriodOnly() {
        owner.open("/app/project.xhtml?id=" + project.id());
        TestProject first = project;
        owner.number("keys:graceHours", 1);
        owner.type("keys:rotateCode", ownerCode());
        owner.click("keys:rotate");
        owner.confirmAndLoad();
        TestProject second = new TestProject(first.id(), first.publicKey(), owner.text("secretKey"), channelId);
        assertNotEquals(first.secretKey(), second.secretKey());
        assertTrue(owner.exists("graceNotice"), "the page says until when the old key works");
        assertTrue(owner.text("graceNotice").matches("(?s).*\\d{1,2} [A-Z][a-z]+ \\d{4}, \\d{2}:\\d{2} UTC \\(in (60 minutes|1 hours?|59 minutes)\\).*"),
                "in words, not ISO: " + owner.text("graceNotice"));
        owner.shot("key-rotation");
        assertEquals(200, Api.template(first, "rotation-user", "r@example.test").status(), "old key, in its grace period");
        assertEquals(200, Api.template(second, "rotation-user", "r@example.test").status(), "new key");

        owner.number("keys:graceHours", 0);
        owner.type("keys:rotateCode", ownerCode());
        owner.click("keys:rotate");
        owner.confirmAndLoad();
        TestProject third = new TestProject(first.id(), first.publicKey(), owner.text("secretKey"), channelId);
        assertEquals(401, Api.template(second, "rotation-user-2", "r@example.test").status(), "no grace: refused at once");
        assertEquals(401, Api.template(first, "rotation-user-2", "r@example.test").status(), "older keys are gone");
        assertEquals(200, Api.template(third, "rotation-user-2", "r@example.test").status());
        project = third;
    }

    @Test
    @Order(4)
    void signInNeedsASecondFactorAndNeitherAUsedTotpStepNorAUsedBackupCodeWorks() {
        signOut(owner);
        String sessionBefore = owner.cookie("S2FA_SESSION");
        assertNotNull(sessionBefore, "the sign-in page has a session");
        signInPassword(owner, ownerEmail, PASSWORD);
        assertNotEquals(sessionBefore, owner.cookie("S2FA_SESSION"), "a new session id once the password is accepted");
        String afterPassword = owner.cookie("S2FA_SESSION");
        owner.type("f:code", Totp.hotp(ownerTotp, ownerLastStep, 6));
        owner.clickAndLoad("f:submit");
        assertTrue(owner.url().contains("/signin-code.xhtml"), "the TOTP step used last (the second rotation) is refused");
        owner.type("f:code", backupCodes.get(0));
        owner.clickAndLoad("f:submit");
        owner.awaitUrlContains("/app/dashboard.xhtml");
        assertNotEquals(afterPassword, owner.cookie("S2FA_SESSION"), "and another once fully signed in");

        signOut(owner);
        signInPassword(owner, ownerEmail, PASSWORD);
        owner.type("f:code", backupCodes.get(0).toLowerCase());
        owner.clickAndLoad("f:submit");
        assertTrue(owner.url().contains("/signin-code.xhtml"), "a backup code works once");
        owner.type("f:code", backupCodes.get(1));
        owner.clickAndLoad("f:submit");
        owner.awaitUrlContains("/app/dashboard.xhtml");
        owner.open("/app/dashboard.xhtml");
        owner.shot("dashboard");
        owner.phoneSized();
        // every page fits a 390 px phone: no sideways scrolling, the navigation on one line
        for (String path : List.of("/app/dashboard.xhtml", "/app/channels.xhtml", "/app/channel.xhtml?id=" + channelId,
                "/app/template.xhtml?id=" + templateId, "/app/activity.xhtml?project=" + project.id(),
                "/app/backup-codes.xhtml", "/app/accounts.xhtml", "/app/project.xhtml?id=" + project.id())) {
            owner.open(path);
            assertFitsThePhone(path);
        }
        owner.shot("project-on-a-phone");
        long navigation = ((Number) owner.driver.executeScript(
                "return document.querySelector('header.topbar').getBoundingClientRect().height")).longValue();
        assertTrue(navigation <= 64, "the navigation takes one line on a phone, not " + navigation + " px: "
                + owner.driver.executeScript("return document.querySelector('header.topbar').innerHTML.substring(0, 3000)"));
        owner.driver.executeScript("PF('widget_settings_channel').show();");
        assertFitsThePhone("the project page with its channel menu open");
        owner.driver.executeScript("PF('widget_settings_channel').hide();");
        owner.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    }

    /** Nothing on the page is wider than the phone's screen. */
    private void assertFitsThePhone(String what) {
        List<?> w = (List<?>) owner.driver.executeScript("""
                const shown = Array.from(document.querySelectorAll('body *'))
                    .filter(e => e.offsetParent !== null || getComputedStyle(e).position === 'fixed');
                let widest = null, right = 0;
                for (const e of shown) {
                    const r = e.getBoundingClientRect().right;
                    if (r > right) { right = r; widest = e; }
                }
                const name = shown.filter(e => e.getBoundingClientRect().right > window.innerWidth)
                    .map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().left)
                        + '-' + Math.round(e.getBoundingClientRect().right)).join(', ').substring(0, 600)
                    + '; topbar children: ' + Array.from(document.querySelectorAll('.topbar .ui-menubar > *, .topbar .ui-menubar-root-list > li'))
                        .map(e => e.className + ' ' + Math.round(e.getBoundingClientRect().width)).join(', ');
                return [document.documentElement.scrollWidth, window.innerWidth, right, name];""");
        long scroll = ((Number) w.get(0)).longValue();
        long screen = ((Number) w.get(1)).longValue();
        double rightmost = ((Number) w.get(2)).doubleValue();
        if (scroll > screen || rightmost > screen + 0.5) {
            owner.shot("too-wide-for-a-phone");
        }
        assertTrue(scroll <= screen && rightmost <= screen + 0.5, what + " is wider than the phone: scroll width "
                + scroll + ", rightmost edge " + rightmost + " (" + w.get(3) + "), screen " + screen);
    }

    @Test
    @Order(5)
    void aForgedCrossSitePostChangesNothing() throws Exception {
        owner.open("/app/project.xhtml?id=" + project.id());
        String session = owner.cookie("S2FA_SESSION");
        String path = "/app/project.xhtml?id=" + project.id();
        Map<String, String> form = new java.util.HashMap<>(Map.of("settings", "settings",
                "settings:name", "Renamed by an attacker", "settings:save", "settings:save",
                "jakarta.faces.partial.ajax", "true", "jakarta.faces.source", "settings:save",
                "jakarta.faces.partial.execute", "settings", "jakarta.faces.partial.render", "settings"));
        // Even with this page's script nonce, a post without this session's view state is refused.
        Page real = page(path, session);
        form.put("primefaces.nonce", real.nonce());
        form.put("settings:channel_input", Long.toString(channelId));
        form.put("settings:template_input", Long.toString(templateId));
        form.put("settings:templateRequests_input", "on");
        HttpResponse<String> forged = post(path, session, form, "-1234567890:987654321");
        HttpResponse<String> noState = post(path, session, form, null);
        assertTrue(forged.statusCode() < 500 && noState.statusCode() < 500, "no server error");
        assertEquals(1, Fixtures.number("select count(*) from project where id = ? and name = 'Shop sign-in'", project.id()),
                "neither forged post changed the project");
        // The control: the same post with the view state the page really carries does change it.
        form.put("settings:name", "Shop sign-in (renamed)");
        post(path, session, form, real.viewState());
        assertEquals(1, Fixtures.number("select count(*) from project where id = ? and name = 'Shop sign-in (renamed)'",
                project.id()), "the form works when the post is genuine");
        owner.open(path);
        assertEquals("Shop sign-in (renamed)", owner.text("projectName"));

        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(TestServer.get().baseUrl() + path))
                .header("Cookie", "S2FA_SESSION=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("'nonce-"), csp);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""));
        // Hostile requests to console pages: never a 500, a stack trace, or a redirect loop.
        for (String odd : List.of("/signin.xhtml?jakarta.faces.ViewState=x", "/app/project.xhtml?id=abc",
                "/link.xhtml?token=" + "a".repeat(500), "/link.xhtml?token=%00%ff", "/WEB-INF/web.xml")) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(TestServer.get().baseUrl() + odd))
                    .header("Cookie", "S2FA_SESSION=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(answer.statusCode() < 500 && !answer.body().contains("Exception"), odd);
            assertFalse(answer.headers().firstValue("Location").orElse("").contains("ViewState"), odd + " loops");
        }
        HttpResponse<String> garbage = post("/signup.xhtml", session, Map.of("f", "f", "f:email", "x\u0000\uffff"), "zzz");
        assertTrue(garbage.statusCode() < 500 && !garbage.body().contains("Exception"));

        HttpResponse<String> fresh = HTTP.send(HttpRequest.newBuilder(URI.create(TestServer.get().baseUrl() + "/signin.xhtml"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        String cookie = fresh.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.contains("HttpOnly") && cookie.toLowerCase().contains("samesite=strict"), cookie);

        // The 404 page is styled like the console (its CSP lets the style sheet in) and leads back.
        owner.open("/no-such-page");
        assertEquals("Not found", owner.driver.findElement(org.openqa.selenium.By.tagName("h1")).getText());
        assertEquals("rgb(255, 255, 255)", owner.driver.executeScript(
                "return getComputedStyle(document.querySelector('.card')).backgroundColor"), "the console's style sheet applies");
        owner.clickAndLoad("backToConsole");
        assertTrue(owner.url().endsWith(".xhtml"), "back in the console: " + owner.url());
        HttpResponse<String> icon = HTTP.send(HttpRequest.newBuilder(URI.create(TestServer.get().baseUrl() + "/favicon.svg"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, icon.statusCode());
        assertTrue(icon.body().startsWith("<svg"), "the console has an icon");
    }

    @Test
    @Order(6)
    void anotherAccountCannotReachTheOwnersObjectsAndIsLockedOutAfterRepeatedFailures() throws Exception {
        String otherEmail = "other-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        try (Browser other = new Browser()) {
            other.open("/signup.xhtml");
            other.type("f:email", otherEmail);
            other.click("f:submit");
            other.awaitText("checkEmail", "Check your email");
            other.driver.get(linkIn(awaitMail(otherEmail, "Confirm your Secure 2FA account")));
            other.type("f:password", PASSWORD + " two");
            other.type("f:repeat", PASSWORD + " two");
            other.clickAndLoad("f:submit");
            byte[] key = Base32.decode(other.text("totpKey").replace(" ", ""));
            other.type("f:code", Totp.hotp(key, Totp.stepAt(System.currentTimeMillis() / 1000), 6));
            other.clickAndLoad("f:submit");
            other.awaitUrlContains("/app/backup-codes.xhtml");

            // Ids of the owner's objects in URLs: "not found", and none of their data.
            for (String path : List.of("/app/project.xhtml?id=" + project.id(), "/app/channel.xhtml?id=" + channelId,
                    "/app/template.xhtml?id=" + templateId, "/app/activity.xhtml?project=" + project.id())) {
                other.open(path);
                assertTrue(other.exists("notFound"), path);
                String source = other.source();
                assertFalse(source.contains(project.publicKey()) || source.contains("Shop sign-in")
                        || source.contains("Test SMTP") || source.contains("Login code"), path);
            }
            other.open("/app/accounts.xhtml");
            assertTrue(other.exists("notAdmin"), "the account list is for administrators");
            assertFalse(other.source().contains(ownerEmail));

            // A form tampered to link the owner's channel to the other account's project is refused.
            other.open("/app/dashboard.xhtml");
            other.type("create:name", "Other project");
            other.clickAndLoad("create:submit");
            long otherProject = idIn(other.url());
            other.driver.executeScript("var s = document.getElementById('settings:channel_input');"
                    + "var o = document.createElement('option'); o.value = arguments[0]; o.text = 'x';"
                    + "s.appendChild(o); s.value = arguments[0];", Long.toString(channelId));
            other.click("settings:save");
            other.awaitPresent(".ui-message-error, .ui-messages-error");
            assertEquals(1, Fixtures.number("select count(*) from project where id = ? and channel_id is null", otherProject));

            // Its own form posted with the owner's project id in the address: the owner's project is untouched.
            String otherSession = other.cookie("S2FA_SESSION");
            Page own = page("/app/project.xhtml?id=" + otherProject, otherSession);
            Map<String, String> rename = new java.util.HashMap<>(Map.of("settings", "settings",
                    "settings:name", "Taken over", "settings:save", "settings:save", "id", Long.toString(project.id()),
                    "jakarta.faces.partial.ajax", "true", "jakarta.faces.source", "settings:save",
                    "jakarta.faces.partial.execute", "settings", "jakarta.faces.partial.render", "settings",
                    "primefaces.nonce", own.nonce()));
            HttpResponse<String> tampered = post("/app/project.xhtml?id=" + project.id(), otherSession, rename,
                    own.viewState());
            assertTrue(tampered.statusCode() < 500);
            assertEquals(0, Fixtures.number("select count(*) from project where name = 'Taken over'"),
                    "no project was renamed through another account's form");
            // The control: the same post about its own project does rename it.
            Page again = page("/app/project.xhtml?id=" + otherProject, otherSession);
            rename.put("id", Long.toString(otherProject));
            rename.put("primefaces.nonce", again.nonce());
            post("/app/project.xhtml?id=" + otherProject, otherSession, rename, again.viewState());
            assertEquals(1, Fixtures.number("select count(*) from project where id = ? and name = 'Taken over'",
                    otherProject), "the form works for the account's own project");

            // Lockout: twelve wrong passwords sent at once count one by one: exactly five are checked, then the
            // account is locked and the rest are refused unchecked; then even the right password is refused.
            signOut(other);
            ExecutorService pool = Executors.newFixedThreadPool(12);
            try {
                List<Future<Integer>> attempts = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    String wrong = "wrong password number " + i;
                    attempts.add(pool.submit(() -> signInOverHttp(otherEmail, wrong)));
                }
                for (Future<Integer> attempt : attempts) {
                    assertEquals(200, attempt.get(60, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(5, Fixtures.number("select failed_signins from account where email = ?", otherEmail),
                    "parallel guesses are counted exactly, and none after the lock");
            assertEquals(1, Fixtures.number("select count(*) from account where email = ? and locked_until > ?",
                    otherEmail, System.currentTimeMillis()));
            other.open("/signin.xhtml");
            other.type("f:email", otherEmail);
            other.type("f:password", "one more wrong password");
            other.clickAndLoad("f:submit");
            assertTrue(other.source().contains("locked for a while"), "the answer while locked");
            other.open("/signin.xhtml");
            other.type("f:email", otherEmail);
            other.type("f:password", PASSWORD + " two");
            other.clickAndLoad("f:submit");
            assertTrue(other.source().contains("locked for a while"), "the right password does not open a locked account");
            assertTrue(other.url().contains("/signin.xhtml"));
            other.shot("locked-out");
        }

        // The first account is the administrator: it sees the other account and can disable it.
        owner.open("/app/accounts.xhtml");
        assertTrue(owner.source().contains(otherEmail));
        owner.driver.findElement(org.openqa.selenium.By.cssSelector("button.disable-account")).click();
        owner.confirmAndLoad();
        assertTrue(owner.source().contains("DISABLED"));
        owner.shot("accounts");
        assertEquals(1, Fixtures.number("select count(*) from account where email = ? and disabled = true", otherEmail));

        // The administrator rotates the token-signing key: a new current key, the old ones kept to verify.
        long keysBefore = Fixtures.number("select count(*) from signing_key");
        owner.click("accounts:rotateSigningKey");
        owner.confirmAndLoad();
        assertTrue(owner.source().contains("signs the tokens made from now on"), "the rotation is confirmed");
        assertEquals(keysBefore + 1, Fixtures.number("select count(*) from signing_key"));
        assertEquals(1, Fixtures.number("select count(*) from signing_key where retired_at is null"), "one current key");
    }

    @Test
    @Order(7)
    void aPasswordResetEndsOtherSessionsAndStillNeedsTheSecondFactorAndPolicyOverridesReachTheApi() throws Exception {
        owner.open("/app/dashboard.xhtml");
        assertTrue(owner.url().endsWith("/app/dashboard.xhtml"), "signed in before the reset");
        owner.open("/reset.xhtml");
        owner.type("f:email", ownerEmail);
        owner.clickAndLoad("f:submit");
        assertTrue(owner.exists("checkEmail"));
        owner.driver.get(linkIn(awaitMail(ownerEmail, "Reset your Secure 2FA password")));
        String newPassword = PASSWORD + " renewed";
        owner.type("f:password", newPassword);
        owner.type("f:repeat", newPassword);
        owner.clickAndLoad("f:submit");
        owner.awaitUrlContains("/signin.xhtml");
        owner.open("/app/dashboard.xhtml");
        assertTrue(owner.url().endsWith("/signin.xhtml"), "the session from before the reset has ended");
        signInPassword(owner, ownerEmail, newPassword);
        assertTrue(owner.url().contains("/signin-code.xhtml"), "after a reset the second factor is still asked for");
        owner.type("f:code", backupCodes.get(2));
        owner.clickAndLoad("f:submit");
        owner.awaitUrlContains("/app/dashboard.xhtml");

        // New backup codes, after a fresh TOTP code: the old unused ones stop working, the new ones work.
        owner.open("/app/backup-codes.xhtml");
        owner.type("renew:code", ownerCode());
        owner.clickAndLoad("renew:submit");
        List<String> renewed = owner.texts("li.backup-code");
        assertEquals(10, renewed.size());
        assertTrue(renewed.stream().noneMatch(backupCodes::contains));
        long ownerAccount = Fixtures.number("select id from account where email = ?", ownerEmail);
        assertEquals(10, Fixtures.number("select count(*) from backup_code where account_id = ?", ownerAccount));
        signOut(owner);
        signInPassword(owner, ownerEmail, newPassword);
        owner.type("f:code", backupCodes.get(3));
        owner.clickAndLoad("f:submit");
        assertTrue(owner.url().contains("/signin-code.xhtml"), "an old unused backup code no longer works");
        owner.type("f:code", renewed.get(0));
        owner.clickAndLoad("f:submit");
        owner.awaitUrlContains("/app/dashboard.xhtml");
        backupCodes = renewed;

        // A per-project policy override set in the console is what the API applies.
        owner.open("/app/project.xhtml?id=" + project.id());
        owner.number("settings:codeDigits", 8);
        owner.click("settings:save");
        owner.awaitText("messages", "Project saved.");
        Api.Reply rendered = Api.template(project, "policy-user", "p@example.test");
        assertEquals(200, rendered.status(), rendered.body());
        assertEquals(8, rendered.code().length());
        owner.click("settings:templateRequests");
        owner.click("settings:save");
        // "Project saved." is still shown from the save above: wait for the row instead
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (Fixtures.number("select count(*) from project where id = ? and template_requests = false", project.id()) == 0
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(403, Api.template(project, "policy-user-2", "p@example.test").status(),
                "template requests turned off in the console");

        // Every change made so far is in the audit log, under the owner's account (deletes: below).
        long ownerId = Fixtures.number("select id from account where email = ?", ownerEmail);
        for (String action : List.of("SIGN_UP", "PASSWORD_SET", "TOTP_LINKED", "BACKUP_CODES_RENEWED",
                "CHANNEL_CREATED", "CHANNEL_TEST",
                "TEMPLATE_CREATED", "PROJECT_CREATED", "PROJECT_UPDATED", "SECRET_REVEALED", "SECRET_ROTATED",
                "PASSWORD_RESET", "SIGN_IN", "ACCOUNT_DISABLED")) {
            assertTrue(Fixtures.number("select count(*) from audit_event where account_id = ? and action = ?",
                    ownerId, action) > 0, action + " is audited");
        }
    }

    @Test
    @Order(8)
    void deletesAskFirstAndAChannelInUseCannotBeDeleted() {
        owner.open("/app/channel.xhtml?id=" + channelId);
        owner.click("f:delete");
        owner.confirmAndLoad();
        assertTrue(owner.source().contains("This channel is linked to"), "a linked channel stays");
        assertEquals(1, Fixtures.number("select count(*) from channel where id = ?", channelId));

        owner.open("/app/project.xhtml?id=" + project.id());
        owner.click("settings:delete");
        owner.byId("confirmNo");
        owner.shot("confirm-delete");
        owner.click("confirmNo");
        new org.openqa.selenium.support.ui.WebDriverWait(owner.driver, Duration.ofSeconds(10)).until(
                org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated(
                        org.openqa.selenium.By.id("confirmNo")));
        sleep(500); // a submit, had Cancel made one, would have reached the server by now
        assertEquals(1, Fixtures.number("select count(*) from project where id = ?", project.id()), "cancel keeps it");
        assertTrue(owner.url().contains("/app/project.xhtml"), "and stays on the page");
        owner.click("settings:delete");
        owner.confirmAndLoad();
        owner.awaitUrlContains("/app/dashboard.xhtml");
        assertTrue(owner.source().contains("Project deleted."));
        assertEquals(0, Fixtures.number("select count(*) from project where id = ?", project.id()));
        assertEquals(401, Api.template(project, "after-delete", "d@example.test").status(), "its keys stop working");

        owner.open("/app/template.xhtml?id=" + templateId);
        owner.click("f:delete");
        owner.confirmAndLoad();
        owner.awaitUrlContains("/app/channels.xhtml");
        assertEquals(0, Fixtures.number("select count(*) from template where id = ?", templateId));
        owner.open("/app/channel.xhtml?id=" + channelId);
        owner.click("f:delete");
        owner.confirmAndLoad();
        owner.awaitUrlContains("/app/channels.xhtml");
        assertTrue(owner.exists("emptyChannels") && owner.exists("emptyTemplates"), "empty states say what to do next");
        owner.shot("channels-empty");
        long ownerId = Fixtures.number("select id from account where email = ?", ownerEmail);
        for (String action : List.of("PROJECT_DELETED", "TEMPLATE_DELETED", "CHANNEL_DELETED")) {
            assertTrue(Fixtures.number("select count(*) from audit_event where account_id = ? and action = ?",
                    ownerId, action) > 0, action + " is audited");
        }
    }

    @Test
    @Order(9)
    void theProjectPageGivesClientCodeForItsOwnKeyThatWorksAndSendsARealTestCode() throws Exception {
        // A channel, a template and a project of the owner's own (the earlier ones are deleted by now).
        owner.open("/app/channel.xhtml");
        owner.type("f:name", "Integration SMTP");
        owner.select("f:provider", "smtp");
        owner.awaitPresent("input.setting-host");
        owner.driver.findElement(org.openqa.selenium.By.cssSelector("input.setting-host")).sendKeys("127.0.0.1");
        var port = owner.driver.findElement(org.openqa.selenium.By.cssSelector("input.setting-port"));
        port.clear();
        port.sendKeys(Integer.toString(TestServer.get().smtpPort()));
        owner.selectByClass("setting-security", "NONE");
        owner.driver.findElement(org.openqa.selenium.By.cssSelector("input.setting-from")).sendKeys("codes@shop.example.test");
        owner.clickAndLoad("f:save");
        owner.awaitUrlContains("/app/channel.xhtml?id=");
        long smtpChannel = idIn(owner.url());
        owner.open("/app/template.xhtml");
        owner.type("f:name", "Integration template");
        owner.clickAndLoad("f:save");
        owner.awaitUrlContains("/app/template.xhtml?id=");
        long template = idIn(owner.url());
        owner.open("/app/dashboard.xhtml");
        owner.type("create:name", "Integration help");
        owner.clickAndLoad("create:submit");
        owner.awaitUrlContains("/app/project.xhtml?id=");
        TestProject integration = new TestProject(idIn(owner.url()), owner.text("publicKey"), owner.text("secretKey"),
                smtpChannel);

        // Unlinked, a test code is refused, in words.
        owner.type("testCode:testRecipient", "not-yet@example.test");
        owner.click("testCode:sendTestCode");
        owner.awaitText("testCodeAnswer", "Not sent: link a channel and a template");
        owner.select("settings:channel", Long.toString(smtpChannel));
        owner.select("settings:template", Long.toString(template));
        owner.click("settings:save");
        owner.awaitText("messages", "Project saved.");

        // The snippets: this API, this project's public key, the secret only from the environment.
        owner.open("/app/project.xhtml?id=" + integration.id());
        assertFalse(owner.source().contains(integration.secretKey()), "the secret is not on the page once hidden");
        String api = TestServer.get().baseUrl() + "/otp";
        Map<String, String> snippets = new java.util.LinkedHashMap<>();
        for (String language : List.of("shell", "python", "php", "ruby", "java", "node")) {
            String code = owner.driver.findElement(org.openqa.selenium.By.id("snippet-" + language)).getAttribute("textContent");
            assertTrue(code.contains(integration.publicKey()), language + " has the public key");
            assertTrue(code.contains(api), language + " calls " + api);
            assertTrue(code.contains("OTP_SECRET_KEY"), language + " reads the secret from the environment");
            assertFalse(code.contains(integration.secretKey()), language + " never holds the secret key");
            snippets.put(language, code);
        }
        String format = owner.text("payloadFormat");
        assertTrue(format.contains("AES-256-CBC") && format.contains("16-byte IV") && format.contains("uuid#email_or_phone")
                && format.contains("uuid#code"), format);

        // Copy buttons copy, and say so.
        owner.driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", TestServer.get().baseUrl(),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        owner.click("keys:copyPublic");
        new org.openqa.selenium.support.ui.WebDriverWait(owner.driver, Duration.ofSeconds(10))
                .until(d -> owner.texts("#keys .copy-feedback").contains("Copied"));
        assertEquals(integration.publicKey(), clipboard());
        owner.driver.findElement(org.openqa.selenium.By.xpath("//ul[contains(@class,'ui-tabs-nav')]//a[normalize-space()='Python']")).click();
        owner.awaitPresent("#integration .ui-tabs-panel:not(.ui-helper-hidden) button.copy-snippet");
        owner.driver.findElement(org.openqa.selenium.By.cssSelector(
                "#integration .ui-tabs-panel:not(.ui-helper-hidden) button.copy-snippet")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(owner.driver, Duration.ofSeconds(10))
                .until(d -> owner.texts("#integration .copy-feedback").contains("Copied"));
        assertEquals(snippets.get("python").strip(), clipboard().strip(), "the Python tab's button copies the Python code");
        owner.shot("project-integration-help");
        owner.phoneSized();
        owner.open("/app/project.xhtml?id=" + integration.id());
        assertFitsThePhone("the project page with its snippets");
        owner.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        owner.open("/app/project.xhtml?id=" + integration.id());

        // A test code: the wrong kind of address is refused next to the field; an email address gets a real code.
        owner.type("testCode:testRecipient", "+14155552671");
        owner.click("testCode:sendTestCode");
        owner.awaitText("testCode", "channel sends email");
        String to = "test-code-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        owner.type("testCode:testRecipient", to);
        owner.click("testCode:sendTestCode");
        owner.awaitText("testCodeAnswer", "Sent: a code is on its way to t***@example.test");
        assertTrue(owner.text("testCodeAnswer").contains("console-test"), "the answer names the user id to verify with");
        owner.shot("project-test-code");
        String code = DeliveryIT.codeIn(awaitMail(to, "Your verification code"));
        assertEquals(200, Api.verify(integration, "console-test", code).status(), "the test code verifies through the API");
        long ownerId = Fixtures.number("select id from account where email = ?", ownerEmail);
        assertEquals(1, Fixtures.number("select count(*) from audit_event where account_id = ? and action = 'TEST_CODE' "
                + "and outcome = 'GENERATED'", ownerId), "the test code is audited");

        // The Python, PHP, Ruby and Node snippets, as the page shows them, generate and verify against this server.
        Path work = Path.of(System.getProperty("otp.it.base", "target/server")).resolve("snippets-" + TestServer.get().db);
        Files.createDirectories(work);
        for (String language : List.of("python", "php", "ruby", "node")) {
            String uuid = language + "-" + UUID.randomUUID().toString().substring(0, 8);
            String mail = uuid + "@example.test";
            assertEquals("true", runSnippet(work, language, snippets.get(language), integration, "generate", uuid, mail),
                    language + " generate");
            String sent = DeliveryIT.codeIn(awaitMail(mail, "Your verification code"));
            assertEquals("false", runSnippet(work, language, snippets.get(language), integration, "verify", uuid,
                    Api.wrong(sent)), language + " verify, wrong code");
            assertEquals("true", runSnippet(work, language, snippets.get(language), integration, "verify", uuid, sent),
                    language + " verify");
        }
    }

    @Test
    @Order(10)
    void aTwilioChannelsStatusCallbackIsPrefilledWithItsOwnWebhookUrl() {
        String token = "twilio-token-" + UUID.randomUUID();
        Browser.NEVER_SHOWN.add(token);
        owner.open("/app/channel.xhtml");
        owner.type("f:name", "Twilio SMS");
        owner.select("f:type", "SMS");
        new org.openqa.selenium.support.ui.WebDriverWait(owner.driver, Duration.ofSeconds(10)).until(d -> owner.source()
                .contains("value=\"twilio\""));
        owner.select("f:provider", "twilio");
        owner.awaitPresent("input.setting-account_sid");
        assertTrue(owner.source().contains("Filled in with this channel's webhook URL once the channel is saved."));
        owner.driver.findElement(org.openqa.selenium.By.cssSelector("input.setting-account_sid"))
                .sendKeys("AC0123456789abcdef0123456789abcdef");
        owner.driver.findElement(org.openqa.selenium.By.cssSelector("input.setting-auth_token")).sendKeys(token);
        owner.driver.findElement(org.openqa.selenium.By.cssSelector("input.setting-from")).sendKeys("+14155552671");
        owner.clickAndLoad("f:save");
        owner.awaitUrlContains("/app/channel.xhtml?id=");
        String webhook = owner.text("webhookUrl");
        assertTrue(webhook.endsWith("/otp/webhooks/" + idIn(owner.url())), webhook);
        assertEquals(webhook, callbackField(), "the status callback is pre-filled with the channel's own webhook URL");
        assertTrue(owner.source().contains("Pre-filled with this channel's webhook URL"));
        assertFalse(owner.source().contains("(delivery reports)"), "no pointer to settings the Twilio form does not have");
        assertTrue(owner.text("webhookNotice").contains("Twilio is told it with every message"), owner.text("webhookNotice"));
        owner.click("f:copyWebhook");
        new org.openqa.selenium.support.ui.WebDriverWait(owner.driver, Duration.ofSeconds(10))
                .until(d -> owner.texts("#webhookNotice .copy-feedback").contains("Copied"));
        owner.shot("twilio-channel");
        owner.clickAndLoad("f:save");
        owner.awaitUrlContains("/app/channel.xhtml?id=");
        assertEquals(webhook, callbackField(), "saved: the stored value");
        assertFalse(owner.source().contains("Pre-filled with this channel's webhook URL"), "stored now, not pre-filled");
    }

    private String callbackField() {
        return owner.driver.findElement(org.openqa.selenium.By.cssSelector("input.setting-status_callback_url"))
                .getAttribute("value");
    }

    private String clipboard() {
        return (String) owner.driver.executeAsyncScript(
                "var done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('failed: ' + e));");
    }

    /** Runs one function of a snippet from the page with its language's interpreter: "true" or "false". */
    private static String runSnippet(Path work, String language, String code, TestProject project, String call,
                                     String uuid, String arg) throws Exception {
        Path shim = Path.of(System.getProperty("otp.it.seedClients", "src/test/seed-clients")).resolve("crypto-shim")
                .toAbsolutePath();
        List<String> cmd = new ArrayList<>();
        boolean generate = call.equals("generate");
        switch (language) {
            case "python" -> {
                Files.writeString(work.resolve("snippet.py"), code);
                cmd.addAll(List.of(SeedClientsIT.interpreter("/usr/bin/python3"), "-c",
                        "import runpy, sys; sys.path.insert(0, sys.argv[1]); c = runpy.run_path(sys.argv[2]);"
                                + " print(str(c[sys.argv[3]](sys.argv[4], sys.argv[5])).lower())",
                        shim.toString(), work.resolve("snippet.py").toString(), generate ? "generate_otp" : "verify_otp"));
            }
            case "php" -> {
                Files.writeString(work.resolve("snippet.php"), code);
                Files.writeString(work.resolve("run-snippet.php"),
                        "<?php require $argv[1]; var_export(call_user_func($argv[2], $argv[3], $argv[4]));\n");
                cmd.addAll(List.of(SeedClientsIT.interpreter("php"), work.resolve("run-snippet.php").toString(),
                        work.resolve("snippet.php").toString(), generate ? "generateOtp" : "verifyOtp"));
            }
            case "ruby" -> {
                Files.writeString(work.resolve("snippet.rb"), code);
                cmd.addAll(List.of(SeedClientsIT.interpreter("ruby"), "-e",
                        "load ARGV[0]; p send(ARGV[1], ARGV[2], ARGV[3])", work.resolve("snippet.rb").toString(),
                        generate ? "generate_otp" : "verify_otp"));
            }
            default -> {
                Files.writeString(work.resolve("snippet.js"), code);
                cmd.addAll(List.of(SeedClientsIT.interpreter("node"), "-e",
                        "const m = require(process.argv[1]); m[process.argv[2]](process.argv[3], process.argv[4])"
                                + ".then(r => console.log(String(r)), e => { console.error(e); process.exit(1); });",
                        work.resolve("snippet.js").toAbsolutePath().toString(), generate ? "generateOtp" : "verifyOtp"));
            }
        }
        cmd.addAll(List.of(uuid, arg));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
        builder.environment().put("OTP_SECRET_KEY", project.secretKey());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), language + " did not finish");
        assertEquals(0, process.exitValue(), language + " failed:\n" + output);
        String[] lines = output.split("\n");
        return lines[lines.length - 1].trim();
    }

    private String ownerCode() {
        long step = Totp.stepAt(System.currentTimeMillis() / 1000);
        while (step <= ownerLastStep) {
            sleep(500);
            step = Totp.stepAt(System.currentTimeMillis() / 1000);
        }
        ownerLastStep = step;
        return Totp.hotp(ownerTotp, step, 6);
    }

    private static void signOut(Browser browser) {
        browser.open("/app/dashboard.xhtml");
        browser.clickAndLoad("nav:signOut");
        browser.awaitUrlContains("/signin.xhtml");
    }

    private static void signInPassword(Browser browser, String email, String password) {
        browser.type("f:email", email);
        browser.type("f:password", password);
        browser.clickAndLoad("f:submit");
        browser.awaitUrlContains("/signin-code.xhtml");
    }

    /** One sign-in attempt as a script would make it: its own session, the form's view state, the password. */
    private static int signInOverHttp(String email, String password) throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(TestServer.get().baseUrl() + "/signin.xhtml"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        String session = page.headers().firstValue("Set-Cookie").orElseThrow().replaceAll("^S2FA_SESSION=([^;]+).*$", "$1");
        Page form = Page.of(page.body());
        HttpResponse<String> answer = post("/signin.xhtml", session, Map.of("f", "f", "f:email", email,
                "f:password", password, "f:submit", "", "primefaces.nonce", form.nonce()), form.viewState());
        return answer.statusCode();
    }

    /** What a console page gives a form: its view state id and its script nonce. */
    record Page(String viewState, String nonce) {

        static Page of(String html) {
            Matcher state = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(html);
            Matcher nonce = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)").matcher(html);
            assertTrue(state.find() && nonce.find(), "the page has a form and a nonce");
            return new Page(state.group(1), nonce.group(1));
        }
    }

    private static Page page(String path, String session) throws Exception {
        return Page.of(HTTP.send(HttpRequest.newBuilder(URI.create(TestServer.get().baseUrl() + path))
                .header("Cookie", "S2FA_SESSION=" + session).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static HttpResponse<String> post(String path, String session, Map<String, String> form, String viewState)
            throws Exception {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        if (viewState != null) {
            body += "&" + enc("jakarta.faces.ViewState") + "=" + enc(viewState);
        }
        return HTTP.send(HttpRequest.newBuilder(URI.create(TestServer.get().baseUrl() + path))
                .header("Cookie", "S2FA_SESSION=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://attacker.example")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }



    private static long idIn(String url) {
        Matcher matcher = Pattern.compile("[?&](?:id|project)=(\\d+)").matcher(url);
        assertTrue(matcher.find(), url);
        return Long.parseLong(matcher.group(1));
    }


    // ---- Walk as a new user: account pages, backup codes, lockout, landing after sign-in (Orders 21-25) ----

    /** The owner's password since the reset in {@link #aPasswordResetEndsOtherSessionsAndStillNeedsTheSecondFactorAndPolicyOverridesReachTheApi}. */
    private static final String OWNER_PASSWORD_AFTER_RESET = PASSWORD + " renewed";
    private static final Pattern EMAIL_LINK = Pattern.compile("(https?://\\S+/link\\.xhtml\\?token=[A-Za-z0-9_-]+&email=\\S+)");
    private ConsoleMember member;

    @AfterAll
    void closeMemberBrowser() {
        if (member != null) {
            member.browser.close();
        }
    }

    @Test
    @Order(21)
    void theConsolePageAskedForBeforeSignInIsWhereSignInLands() {
        owner.open("/app/dashboard.xhtml");
        owner.type("create:name", "Landing page");
        owner.clickAndLoad("create:submit");
        owner.awaitUrlContains("/app/project.xhtml?id=");
        long landing = idIn(owner.url());
        signOut(owner);

        owner.open("/app/project.xhtml?id=" + landing);
        owner.awaitUrlContains("/signin.xhtml");
        signInPassword(owner, ownerEmail, OWNER_PASSWORD_AFTER_RESET);
        owner.type("f:code", ownerCode());
        owner.clickAndLoad("f:submit");
        owner.awaitUrlContains("/app/project.xhtml?id=" + landing);
        assertEquals("Landing page", owner.text("projectName"), "the page asked for, not the dashboard");

        // Remembered once: the next sign-in without a page asked for lands on the dashboard.
        signOut(owner);
        signInPassword(owner, ownerEmail, OWNER_PASSWORD_AFTER_RESET);
        owner.type("f:code", ownerCode());
        owner.clickAndLoad("f:submit");
        owner.awaitUrlContains("/app/dashboard.xhtml");
        // A path that leaves the console is not remembered (no open redirect).
        signOut(owner);
        owner.open("/app//evil.example/x.xhtml");
        owner.awaitUrlContains("/signin.xhtml");
        signInPassword(owner, ownerEmail, OWNER_PASSWORD_AFTER_RESET);
        owner.type("f:code", ownerCode());
        owner.clickAndLoad("f:submit");
        owner.awaitUrlContains("/app/dashboard.xhtml");
        assertTrue(owner.url().startsWith(TestServer.get().baseUrl()), owner.url());
    }

    @Test
    @Order(22)
    void backupCodesDownloadAsTextCopyAndPrintAndTheCountLeftIsShown() throws Exception {
        long ownerId = Fixtures.number("select id from account where email = ?", ownerEmail);
        owner.open("/app/backup-codes.xhtml");
        assertFalse(owner.source().contains("Save your backup codes"), "no 'save your codes' when none are shown");
        long left = Fixtures.number("select count(*) from backup_code where account_id = ?", ownerId);
        assertTrue(owner.text("codesLeft").contains("You have " + left + " unused backup code"), owner.text("codesLeft"));

        owner.type("renew:code", ownerCode());
        owner.clickAndLoad("renew:submit");
        List<String> shown = owner.texts("li.backup-code");
        assertEquals(10, shown.size());
        assertTrue(owner.source().contains("Save your backup codes"));
        Download download = new Download(owner.byId("downloadCodes").getAttribute("href"),
                owner.byId("downloadCodes").getAttribute("download"));
        assertTrue(download.name().endsWith(".txt"), download.name());
        assertTrue(download.href().startsWith("data:text/plain;charset=utf-8,"), download.href());
        String file = java.net.URLDecoder.decode(download.href().substring(download.href().indexOf(',') + 1),
                StandardCharsets.UTF_8);
        List<String> inFile = file.lines().filter(l -> l.matches("[A-Z2-9]{5}-[A-Z2-9]{5}")).toList();
        assertEquals(shown, inFile, "the text file holds exactly the codes shown");
        owner.click("copyCodes");
        owner.awaitText("copyFeedback", "Copied");
        assertTrue(owner.byId("printCodes").isDisplayed(), "a print button");
        owner.shot("backup-codes-actions");
        owner.clickAndLoad("continue");
        owner.awaitUrlContains("/app/dashboard.xhtml");

        // After signing in with one, the console says how many are left; so does the page.
        signOut(owner);
        signInPassword(owner, ownerEmail, OWNER_PASSWORD_AFTER_RESET);
        owner.type("f:code", shown.get(0));
        owner.clickAndLoad("f:submit");
        owner.awaitUrlContains("/app/dashboard.xhtml");
        assertTrue(owner.text("messages").contains("You have 9 backup codes left."), owner.text("messages"));
        owner.open("/app/backup-codes.xhtml");
        assertTrue(owner.text("codesLeft").contains("You have 9 unused backup codes"), owner.text("codesLeft"));
        backupCodes = shown.subList(1, shown.size());
    }

    @Test
    @Order(23)
    void theAccountPageChangesThePasswordTheAddressByLinkAndTheAuthenticatorApp() throws Exception {
        // On a phone the navigation with the Account item stays on one line, and the page fits.
        owner.phoneSized();
        owner.open("/app/account.xhtml");
        assertFitsThePhone("/app/account.xhtml");
        long navigation = ((Number) owner.driver.executeScript(
                "return document.querySelector('header.topbar').getBoundingClientRect().height")).longValue();
        assertTrue(navigation <= 64, "the navigation takes one line on a phone, not " + navigation + " px");
        owner.shot("account-on-a-phone");
        owner.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));

        member = ConsoleMember.signUp("member");
        Browser m = member.browser;
        long id = Fixtures.number("select id from account where email = ?", member.email);
        m.open("/app/dashboard.xhtml");
        m.clickAndLoad("nav:menuAccount");
        m.awaitUrlContains("/app/account.xhtml");

        // Password: the current one first (a wrong one counts towards the lock), the policy for the new one.
        m.type("pw:currentPassword", "not my password at all");
        m.type("pw:newPassword", member.password + " next");
        m.type("pw:repeat", member.password + " next");
        m.clickAndLoad("pw:submit");
        assertTrue(m.source().contains("That is not your current password."));
        assertEquals(1, Fixtures.number("select failed_signins from account where id = ?", id));
        m.type("pw:currentPassword", member.password);
        m.type("pw:newPassword", "passwordpassword");
        m.type("pw:repeat", "passwordpassword");
        m.clickAndLoad("pw:submit");
        assertTrue(m.source().contains("too easy to guess"), "the same policy as everywhere");
        try (Browser elsewhere = new Browser()) {
            elsewhere.open("/signin.xhtml");
            signInPassword(elsewhere, member.email, member.password);
            elsewhere.type("f:code", member.code());
            elsewhere.clickAndLoad("f:submit");
            elsewhere.awaitUrlContains("/app/dashboard.xhtml");
            String next = member.password + " next";
            m.type("pw:currentPassword", member.password);
            m.type("pw:newPassword", next);
            m.type("pw:repeat", next);
            m.clickAndLoad("pw:submit");
            m.awaitText("messages", "Your password is changed.");
            member.password = next;
            elsewhere.open("/app/dashboard.xhtml");
            assertTrue(elsewhere.url().contains("/signin.xhtml"), "the other session has ended");
        }
        m.open("/app/dashboard.xhtml");
        assertTrue(m.url().endsWith("/app/dashboard.xhtml"), "this session goes on");

        // Address: a link to the new address; nothing changes until it is followed and confirmed.
        String newEmail = "moved-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        m.open("/app/account.xhtml");
        m.type("em:email", newEmail);
        m.type("em:emailPassword", member.password);
        m.clickAndLoad("em:submit");
        m.awaitText("messages", "We mailed a link to " + newEmail);
        String link = emailLinkIn(awaitMail(newEmail, "Confirm your new Secure 2FA address"));
        assertEquals(member.email, Fixtures.row("select email from account where id = ?", id).get("email"));
        m.driver.get(link);
        assertEquals(newEmail, m.text("newEmail"));
        assertEquals(member.email, Fixtures.row("select email from account where id = ?", id).get("email"),
                "opening the link changes nothing yet");
        m.driver.get(link.replace("&email=", "&email=x"));
        assertTrue(m.source().contains("This link does not work"), "the link works only with its own address");
        m.driver.get(link);
        m.clickAndLoad("em:confirm");
        m.awaitUrlContains("/app/account.xhtml");
        assertEquals(newEmail, m.text("accountEmail"));
        assertEquals(newEmail, Fixtures.row("select email from account where id = ?", id).get("email"));
        awaitMail(member.email, "Your Secure 2FA address was changed");
        String oldEmail = member.email;
        member.email = newEmail;

        // Authenticator app: a fresh code from the current app, then a code from the new one.
        m.type("app:currentCode", member.code());
        m.clickAndLoad("app:start");
        assertTrue(m.byId("newQr").getAttribute("src").startsWith("data:image/png;base64,"));
        byte[] newKey = Base32.decode(m.text("newTotpKey").replace(" ", ""));
        m.type("newApp:newCode", "000000".equals(Totp.hotp(newKey, Totp.stepAt(System.currentTimeMillis() / 1000), 6))
                ? "111111" : "000000");
        m.clickAndLoad("newApp:confirm");
        assertTrue(m.exists("newApp:newCode"), "a wrong code from the new app links nothing");
        m.type("newApp:newCode", Totp.hotp(newKey, Totp.stepAt(System.currentTimeMillis() / 1000), 6));
        m.clickAndLoad("newApp:confirm");
        m.awaitText("messages", "Your new authenticator app is linked.");
        byte[] oldKey = member.key;
        member.key = newKey;
        member.lastStep = Totp.stepAt(System.currentTimeMillis() / 1000);
        m.shot("account");

        // Signing in now takes the new address, the new password and the new app.
        signOut(m);
        signInPassword(m, newEmail, member.password);
        m.type("f:code", Totp.hotp(oldKey, Totp.stepAt(System.currentTimeMillis() / 1000), 6));
        m.clickAndLoad("f:submit");
        assertTrue(m.url().contains("/signin-code.xhtml"), "the old app's codes no longer work");
        m.type("f:code", member.code());
        m.clickAndLoad("f:submit");
        m.awaitUrlContains("/app/dashboard.xhtml");
        assertEquals(0, Fixtures.number("select count(*) from account where email = ?", oldEmail));
        for (String action : List.of("PASSWORD_CHANGED", "EMAIL_CHANGE", "EMAIL_CHANGED", "TOTP_REPLACED")) {
            assertTrue(Fixtures.number("select count(*) from audit_event where account_id = ? and action = ?",
                    id, action) > 0, action + " is audited");
        }
    }

    @Test
    @Order(24)
    void aLockIsToldRoundedUpMailedOnceAndAfterItEndsOneMistakeDoesNotLockAgain() throws Exception {
        Browser m = member.browser;
        long id = Fixtures.number("select id from account where email = ?", member.email);
        signOut(m);
        signInPassword(m, member.email, member.password);
        for (int i = 0; i < 5; i++) {
            m.type("f:code", "WRONG-CODE" + i);
            m.clickAndLoad("f:submit");
        }
        String told = m.text("f:messages");
        Matcher until = Pattern.compile("locked until (\\d{2}:\\d{2}) UTC").matcher(told);
        assertTrue(until.find(), told);
        long lockedUntil = Fixtures.number("select locked_until from account where id = ?", id);
        java.time.LocalTime end = java.time.Instant.ofEpochMilli(lockedUntil).atOffset(java.time.ZoneOffset.UTC).toLocalTime();
        java.time.LocalTime roundedUp = end.withSecond(0).withNano(0)
                .plusMinutes(end.getSecond() == 0 && end.getNano() == 0 ? 0 : 1);
        assertEquals(roundedUp.toString(), until.group(1), "rounded up: still locked at " + end);
        MimeMessage mail = awaitMail(member.email, "Your Secure 2FA account is locked for a while");
        assertTrue(GreenMailUtil.getBody(mail).contains("locked until"), GreenMailUtil.getBody(mail));

        // More attempts while locked: not counted, no more mail.
        for (int i = 0; i < 3; i++) {
            assertEquals(200, signInOverHttp(member.email, "wrong while locked " + i));
        }
        assertEquals(5, Fixtures.number("select failed_signins from account where id = ?", id));

        // The lock ends (moved into the past here rather than waiting a minute): one mistake does not lock again.
        try (java.sql.Connection c = TestServer.get().connection();
             java.sql.PreparedStatement s = c.prepareStatement("update account set locked_until = ? where id = ?")) {
            s.setLong(1, System.currentTimeMillis() - 1_000);
            s.setLong(2, id);
            s.executeUpdate();
        }
        assertEquals(200, signInOverHttp(member.email, "one mistake after the lock"));
        assertEquals(0, Fixtures.number("select count(*) from account where id = ? and locked_until > ?", id,
                System.currentTimeMillis()), "one mistake after a lock does not lock again");
        m.open("/signin.xhtml");
        signInPassword(m, member.email, member.password);
        m.type("f:code", member.code());
        m.clickAndLoad("f:submit");
        m.awaitUrlContains("/app/dashboard.xhtml");
        sleep(1_000); // a second lock mail, had one gone out, would have arrived by now
        long lockMails = java.util.Arrays.stream(TestServer.get().mail.getReceivedMessages()).filter(message -> {
            try {
                return "Your Secure 2FA account is locked for a while".equals(message.getSubject())
                        && java.util.Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(member.email));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
        assertEquals(1, lockMails, "one mail per lock");
    }

    /** A download link: its address and the file name it saves as. */
    private record Download(String href, String name) {
    }

    private static String emailLinkIn(MimeMessage message) {
        Matcher matcher = EMAIL_LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
        assertTrue(matcher.find(), "no address-change link in the email");
        return matcher.group(1);
    }
}
