/** Console account security: TOTP (RFC 6238), Base32, backup codes, the password policy. */
package org.secure2fa.account.control;
