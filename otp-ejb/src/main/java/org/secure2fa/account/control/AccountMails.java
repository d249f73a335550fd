package org.secure2fa.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The texts of the mails the console sends to its users, sent after commit through {@link SystemMail}. */
@ApplicationScoped
public class AccountMails {

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
}
