/**
 * Console account security and ownership: TOTP (RFC 6238), Base32, backup codes, the password policy,
 * the account mails, and which account owns an object (tenancy).
 */
package org.secure2fa.account.control;
