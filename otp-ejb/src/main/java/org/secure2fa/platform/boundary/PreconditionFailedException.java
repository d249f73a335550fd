package org.secure2fa.platform.boundary;

/**
 * The object changed since the caller read it (its entity tag no longer matches): nothing was done, so a
 * concurrent edit is never overwritten unseen. Read it again, then repeat the change.
 */
public class PreconditionFailedException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public PreconditionFailedException(String what) {
        super(what + " changed since it was read. Read it again (GET), then repeat the change with its new ETag.");
    }
}
