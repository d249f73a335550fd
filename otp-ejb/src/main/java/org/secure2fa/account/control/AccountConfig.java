package org.secure2fa.account.control;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The console accounts' settings, read once from {@code otp.console.*} and {@code otp.mail.*} (defaults
 * in the EJB module's {@code META-INF/microprofile-config.properties}).
 *
 * @param adminEmail     the administrator's address; empty: the first account to sign up
 * @param lockAfter      consecutive failed sign-in steps before the account locks
 * @param lockMinutes    the first lock; each further failure doubles it
 * @param lockMaxMinutes the longest lock
 * @param mail           how the console's own mail leaves
 */
public record AccountConfig(Optional<String> adminEmail, int lockAfter, long lockMinutes, long lockMaxMinutes,
                            Mail mail) {

    /** SMTP for the console's own mail; no host: the dev outbox. Never logged with its password. */
    public record Mail(Optional<String> smtpHost, String smtpPort, String smtpSecurity, Optional<String> smtpUsername,
                       Optional<String> smtpPassword, String from) {

        @Override
        public String toString() {
            return "Mail[" + smtpHost.orElse("dev outbox") + ":" + smtpPort + ", " + smtpSecurity + ", from " + from
                    + ", password " + (smtpPassword.isPresent() ? "set" : "not set") + "]";
        }
    }

    /**
     * Reads the record once per deployment, from the configuration the EJB module's class loader sees
     * (where the defaults are), whichever web module's request asks first.
     */
    @Dependent
    static class Producer {

        @Produces
        @Singleton
        static AccountConfig read() {
            Config config = ConfigProvider.getConfig(AccountConfig.class.getClassLoader());
            return new AccountConfig(text(config, "otp.console.admin-email"),
                    config.getValue("otp.console.lock-after", Integer.class),
                    config.getValue("otp.console.lock-minutes", Long.class),
                    config.getValue("otp.console.lock-max-minutes", Long.class),
                    new Mail(text(config, "otp.mail.smtp.host"),
                            config.getValue("otp.mail.smtp.port", String.class),
                            config.getValue("otp.mail.smtp.security", String.class),
                            text(config, "otp.mail.smtp.username"),
                            text(config, "otp.mail.smtp.password"),
                            config.getValue("otp.mail.from", String.class)));
        }

        private static Optional<String> text(Config config, String key) {
            return config.getOptionalValue(key, String.class).filter(value -> !value.isBlank());
        }
    }
}
