package org.secure2fa.platform.boundary;

/** The request is well formed, but the state of the objects it touches does not allow it now. */
public class ConflictException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
