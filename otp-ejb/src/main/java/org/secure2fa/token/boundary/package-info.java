/**
 * Management-API tokens: made, listed and revoked by their account's owner; checked on every API call
 * after MP-JWT; the JWKS that verifies them.
 */
package org.secure2fa.token.boundary;
