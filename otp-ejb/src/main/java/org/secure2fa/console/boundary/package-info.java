/**
 * What the console does: every method that reads or changes an account's objects takes the signed-in
 * account's id and touches only that account's objects (tenant isolation is enforced here, in the
 * queries, not in the pages).
 */
package org.secure2fa.console.boundary;
