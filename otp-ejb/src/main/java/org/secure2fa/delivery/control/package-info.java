/** The provider registry, the built-in providers and the dispatcher's helpers. */
package org.secure2fa.delivery.control;
