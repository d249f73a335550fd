/** Console accounts: sign-up by emailed link, password, authenticator app, backup codes, sign-in, lockout. */
package org.secure2fa.account.boundary;
