package org.secure2fa.policy;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Produces the installation's default {@link OtpPolicy} from {@code otp.policy.*} (defaults in the EJB
 * module's {@code META-INF/microprofile-config.properties}), read once per deployment from the
 * configuration the EJB module's class loader sees.
 */
@Dependent
public class PolicyConfiguration {

    @Produces
    @Singleton
    static OtpPolicy defaults() {
        Config config = ConfigProvider.getConfig(PolicyConfiguration.class.getClassLoader());
        int lifetimeMinutes = config.getValue("otp.policy.lifetime-minutes", Integer.class);
        if (lifetimeMinutes < 1 || lifetimeMinutes > 60) {
            throw new IllegalStateException("otp.policy.lifetime-minutes must be 1 to 60");
        }
        return new OtpPolicy(config.getValue("otp.policy.digits", Integer.class), lifetimeMinutes * 60_000L,
                config.getValue("otp.policy.max-attempts", Integer.class),
                config.getValue("otp.policy.max-sends", Integer.class),
                config.getValue("otp.policy.send-window-minutes", Integer.class) * 60_000L,
                config.getValue("otp.policy.lockout-failures", Integer.class),
                config.getValue("otp.policy.lockout-minutes", Integer.class) * 60_000L,
                config.getValue("otp.policy.device-check", DeviceCheck.class));
    }
}
