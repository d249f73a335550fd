/** Tables {@code api_token} and {@code signing_key}. */
package org.secure2fa.token.entity;
