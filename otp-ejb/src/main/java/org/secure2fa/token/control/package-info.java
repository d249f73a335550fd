/** The service's own token-signing keys (ES256, private halves sealed under the master key) and the token settings. */
package org.secure2fa.token.control;
