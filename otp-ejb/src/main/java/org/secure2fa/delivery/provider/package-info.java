/** The built-in delivery providers. */
package org.secure2fa.delivery.provider;
