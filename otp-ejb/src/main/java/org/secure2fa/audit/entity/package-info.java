/** The audit log. */
package org.secure2fa.audit.entity;
