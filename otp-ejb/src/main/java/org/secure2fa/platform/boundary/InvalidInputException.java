package org.secure2fa.platform.boundary;

/**
 * What was sent cannot be taken as it is. Carries the field at fault when there is one (the console
 * shows the message next to it), or null when the request as a whole is at fault.
 */
public class InvalidInputException extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String getField() {
        return field;
    }
}
