package org.secure2fa.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Produces the installation's default {@link OtpPolicy} from {@code otp.policy.*}. */
@ApplicationScoped
public class PolicyConfiguration {

    @Inject @ConfigProperty(name = "otp.policy.digits", defaultValue = "6")
    int digits;
    @Inject @ConfigProperty(name = "otp.policy.lifetime-minutes", defaultValue = "10")
    int lifetimeMinutes;
    @Inject @ConfigProperty(name = "otp.policy.max-attempts", defaultValue = "5")
    int maxAttempts;
    @Inject @ConfigProperty(name = "otp.policy.max-sends", defaultValue = "5")
    int maxSends;
    @Inject @ConfigProperty(name = "otp.policy.send-window-minutes", defaultValue = "10")
    int sendWindowMinutes;
    @Inject @ConfigProperty(name = "otp.policy.lockout-failures", defaultValue = "100")
    int lockoutFailures;
    @Inject @ConfigProperty(name = "otp.policy.lockout-minutes", defaultValue = "60")
    int lockoutMinutes;
    @Inject @ConfigProperty(name = "otp.policy.device-check", defaultValue = "IP_AND_USER_AGENT")
    DeviceCheck deviceCheck;

    @Produces
    @Singleton
    OtpPolicy defaults() {
        if (lifetimeMinutes < 1 || lifetimeMinutes > 60) {
            throw new IllegalStateException("otp.policy.lifetime-minutes must be 1 to 60");
        }
        return new OtpPolicy(digits, lifetimeMinutes * 60_000L, maxAttempts, maxSends,
                sendWindowMinutes * 60_000L, lockoutFailures, lockoutMinutes * 60_000L, deviceCheck);
    }
}
