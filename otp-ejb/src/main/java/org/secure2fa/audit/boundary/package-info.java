/** A project's activity (generate and verify events, daily counts) for the account that owns it. */
package org.secure2fa.audit.boundary;
