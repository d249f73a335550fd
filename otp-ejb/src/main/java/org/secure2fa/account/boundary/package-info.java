/**
 * Console accounts: registration and emailed links, sign-in with a second factor, enrolment of an
 * authenticator app and backup codes, and administration of accounts.
 */
package org.secure2fa.account.boundary;
