/** Demo data for a first run. */
package org.secure2fa.demo;
