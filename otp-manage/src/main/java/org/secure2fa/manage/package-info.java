/**
 * The management API ({@code /api/v1}): resources per feature ({@code project}, {@code token}, the JWKS in
 * {@code keys}) that call the same boundaries as the console; {@code platform} holds the token check,
 * the caller and problem details.
 */
package org.secure2fa.manage;
