package org.secure2fa.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The texts of the mails the console sends to its users, sent after commit through {@link SystemMail}. */
@ApplicationScoped
public class AccountMails {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    SystemMail mail;

    /** To the owner of an address someone tried to sign up with again. */
    public void alreadySignedUp(String email, String consoleUrl) {
        mail.sendLater(email, "Your Secure 2FA account",
                "Someone (perhaps you) tried to sign up with this address, which already has an account.\n\n"
                        + "To sign in: " + consoleUrl + "/signin.xhtml\n"
                        + "Forgot your password? " + consoleUrl + "/reset.xhtml\n");
    }

    /** The link that confirms a new account's address. */
    public void confirmation(String email, String consoleUrl, String token) {
        mail.sendLater(email, "Confirm your Secure 2FA account",
                "Welcome to Secure 2FA.\n\nOpen this link within 24 hours to confirm your address and choose a password:\n"
                        + consoleUrl + "/link.xhtml?token=" + token + "\n\n"
                        + "If you did not sign up, ignore this message.\n");
    }

    /** The link that sets a new password. */
    public void passwordReset(String email, String consoleUrl, String token) {
        mail.sendLater(email, "Reset your Secure 2FA password",
                "Open this link within an hour to choose a new password:\n"
                        + consoleUrl + "/link.xhtml?token=" + token + "\n\n"
                        + "Your authenticator app is still needed to sign in afterwards.\n"
                        + "If you did not ask for this, ignore this message; your password is unchanged.\n");
    }

    /** To the owner of an account that was just locked after failed sign-in steps (one mail per lock). */
    public void lockedOut(String email, long lockedUntil, int failures) {
        mail.sendLater(email, "Your Secure 2FA account is locked for a while",
                "After " + failures + " failed attempts to sign in (a wrong password or code), your Secure 2FA account is"
                        + " locked until " + TIME.format(Instant.ofEpochMilli(Lockout.endToTheMinute(lockedUntil))) + ".\n\n"
                        + "If that was you, wait until then and try again.\n"
                        + "If it was not you, someone may be guessing your password. Once you are signed in, choose a new"
                        + " password on the Account page. Your authenticator app still protects the account.\n");
    }

    /** The link that confirms a new address for an account, sent to that new address. */
    public void emailChange(String newEmail, String consoleUrl, String token) {
        mail.sendLater(newEmail, "Confirm your new Secure 2FA address",
                "Someone signed in to Secure 2FA asked to use this address for their account.\n\n"
                        + "Open this link within an hour to confirm it:\n"
                        + consoleUrl + "/link.xhtml?token=" + token + "&email="
                        + URLEncoder.encode(newEmail, StandardCharsets.UTF_8) + "\n\n"
                        + "If you did not ask for this, ignore this message; nothing changes.\n");
    }

    /** To the old address once an account's address has changed. */
    public void emailChanged(String oldEmail, String newEmail) {
        mail.sendLater(oldEmail, "Your Secure 2FA address was changed",
                "Your Secure 2FA account now signs in with " + newEmail + " instead of this address.\n\n"
                        + "If you did not do this, ask your administrator for help at once.\n");
    }
}
