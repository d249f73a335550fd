package org.secure2fa.platform.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A request a boundary refuses, as a fact about the request (the subclasses): its message is fit to
 * show the person or client who asked, never internals. Rolls the transaction back, so nothing of the
 * request is kept. The console shows the message; the REST API maps each subclass to its status.
 */
@ApplicationException(rollback = true)
public abstract class BusinessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected BusinessException(String message) {
        super(message);
    }
}
