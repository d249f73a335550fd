package org.secure2fa.platform.boundary;

/**
 * The server cannot do this as it is installed or configured (a provider that is not installed, a
 * setting the operator has not made); asking again will not help until that changes.
 */
public class UnavailableException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public UnavailableException(String message) {
        super(message);
    }
}
