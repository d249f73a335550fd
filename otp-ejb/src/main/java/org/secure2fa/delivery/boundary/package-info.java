/**
 * Delivery's transactional edge: the delivery channels of one account (settings, provider forms, test
 * send; the account's id first, only its channels), the outbox's transactions, the dispatcher that
 * sends after commit, and providers' delivery reports.
 */
package org.secure2fa.delivery.boundary;
