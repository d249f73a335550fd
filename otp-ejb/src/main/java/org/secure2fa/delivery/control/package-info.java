/**
 * The provider registry, channel settings (merge, secret retention, endpoint policy), the dispatcher's
 * helpers, and purging a deleted project's outbox rows.
 */
package org.secure2fa.delivery.control;
