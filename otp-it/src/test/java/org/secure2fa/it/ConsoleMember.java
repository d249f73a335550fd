package org.secure2fa.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.secure2fa.account.control.Base32;
import org.secure2fa.account.control.Totp;

/**
 * A console account, signed up through its emailed link and enrolled with an authenticator app in its own
 * browser, as a person does it. Close it when done.
 */
final class ConsoleMember implements AutoCloseable {

    static final String PASSWORD = "violet tractor humming 1987 lagoon";
    private static final Pattern LINK = Pattern.compile("(https?://\\S+/link\\.xhtml\\?token=[A-Za-z0-9_-]+)");

    final Browser browser = new Browser();
    String email;
    String password;
    byte[] key;
    long lastStep = -1;

    static ConsoleMember signUp(String prefix) throws Exception {
        ConsoleMember member = new ConsoleMember();
        member.email = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        member.password = PASSWORD + " " + prefix;
        Browser b = member.browser;
        b.open("/signup.xhtml");
        b.type("f:email", member.email);
        b.click("f:submit");
        b.awaitText("checkEmail", "Check your email");
        b.driver.get(linkIn(awaitMail(member.email, "Confirm your Secure 2FA account")));
        b.type("f:password", member.password);
        b.type("f:repeat", member.password);
        b.clickAndLoad("f:submit");
        member.key = Base32.decode(b.text("totpKey").replace(" ", ""));
        b.type("f:code", member.code());
        b.clickAndLoad("f:submit");
        b.awaitUrlContains("/app/backup-codes.xhtml");
        return member;
    }

    /** A code from the member's app for a time step not used yet. */
    String code() {
        long step = Totp.stepAt(System.currentTimeMillis() / 1000);
        while (step <= lastStep) {
            sleep(500);
            step = Totp.stepAt(System.currentTimeMillis() / 1000);
        }
        lastStep = step;
        return Totp.hotp(key, step, 6);
    }

    @Override
    public void close() {
        browser.close();
    }

    static MimeMessage awaitMail(String to, String subject) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage message : TestServer.get().mail.getReceivedMessages()) {
                boolean toMatches = Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(to));
                if (toMatches && subject.equals(message.getSubject())) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No email '" + subject + "' to " + to);
    }

    static String linkIn(MimeMessage message) {
        Matcher matcher = LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
        assertTrue(matcher.find(), "no link in the email");
        return matcher.group(1);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
