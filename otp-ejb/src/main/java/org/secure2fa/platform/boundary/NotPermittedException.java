package org.secure2fa.platform.boundary;

/** The caller is known, but may not do this (such as an administrator's task asked by anyone else). */
public class NotPermittedException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public NotPermittedException(String message) {
        super(message);
    }
}
