/** The outbox's transactions and the dispatcher that sends after commit. */
package org.secure2fa.delivery.boundary;
