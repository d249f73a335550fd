/** Writing the audit log. */
package org.secure2fa.audit.control;
