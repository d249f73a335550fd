/** The generate/verify service: the only transactional edge of challenges. */
package org.secure2fa.challenge.boundary;
