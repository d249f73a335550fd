package org.secure2fa.platform.boundary;

/** The object does not exist, or belongs to another account: the two answers look the same. */
public class NotFoundException extends BusinessException {

    private static final long serialVersionUID = 1L;

    /** "{@code what} not found.", such as "Project not found.". */
    public NotFoundException(String what) {
        super(what + " not found.");
    }
}
