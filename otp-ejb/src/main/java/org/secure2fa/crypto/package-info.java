/** The payload cipher of the public API and the service's own keys for data at rest. */
package org.secure2fa.crypto;
