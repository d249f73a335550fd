/** Helpers of the whole service without transactions of their own: H2 compaction, the server's directory, object names. */
package org.secure2fa.platform.control;
