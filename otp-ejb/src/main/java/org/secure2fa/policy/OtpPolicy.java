package org.secure2fa.policy;

/**
 * The numbers one project's codes live by (docs/api.md, OTP policy). Defaults come from configuration
 * ({@code otp.policy.*}); a project may override digits, lifetime, attempts and the device check.
 */
public record OtpPolicy(
        int digits,
        long lifetimeMillis,
        int maxAttempts,
        int maxSends,
        long sendWindowMillis,
        int lockoutFailures,
        long lockoutMillis,
        DeviceCheck deviceCheck) {

    public OtpPolicy {
        if (digits < 4 || digits > 10) {
            throw new IllegalArgumentException("digits must be 4 to 10");
        }
        if (maxAttempts < 1 || maxSends < 1 || lockoutFailures < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** This policy with a project's overrides applied; a null override keeps the default. */
    public OtpPolicy withOverrides(Integer digits, Integer lifetimeSeconds, Integer maxAttempts, DeviceCheck check) {
        return new OtpPolicy(
                digits != null ? digits : this.digits,
                lifetimeSeconds != null ? lifetimeSeconds * 1000L : lifetimeMillis,
                maxAttempts != null ? maxAttempts : this.maxAttempts,
                maxSends, sendWindowMillis, lockoutFailures, lockoutMillis,
                check != null ? check : deviceCheck);
    }
}
