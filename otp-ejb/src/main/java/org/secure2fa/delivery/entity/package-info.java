/** Channels (configured providers) and the delivery outbox. */
package org.secure2fa.delivery.entity;
