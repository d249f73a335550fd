/** The OTP policy: code length, lifetime, attempt, send and lockout limits, device check. */
package org.secure2fa.policy;
