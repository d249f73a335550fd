package org.secure2fa.token.control;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The management API's token settings, read once from {@code otp.manage.*} (defaults in the EJB module's
 * {@code META-INF/microprofile-config.properties}).
 *
 * @param issuer  the {@code iss} of every token, which MP-JWT checks ({@code mp.jwt.verify.issuer})
 * @param audience the {@code aud} of every token ({@code mp.jwt.verify.audiences})
 * @param maxDays the longest life of a token
 */
public record TokenConfig(String issuer, String audience, int maxDays) {

    @Dependent
    static class Producer {

        @Produces
        @Singleton
        static TokenConfig read() {
            Config config = ConfigProvider.getConfig(TokenConfig.class.getClassLoader());
            return new TokenConfig(config.getValue("otp.manage.issuer", String.class),
                    config.getValue("otp.manage.audience", String.class),
                    config.getValue("otp.manage.token-max-days", Integer.class));
        }
    }
}
