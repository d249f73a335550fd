package org.secure2fa.console.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A console request that cannot be done, with a message fit to show the person who asked (never
 * internals). Rolls the transaction back, so nothing of the request is kept.
 */
@ApplicationException(rollback = true)
public class ConsoleException extends RuntimeException {

    private final String field;

    public ConsoleException(String message) {
        this(null, message);
    }

    /** A problem with one form field, shown next to it. */
    public ConsoleException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String getField() {
        return field;
    }

    /** The answer for an id that does not exist or belongs to another account: the two look the same. */
    public static ConsoleException notFound(String what) {
        return new ConsoleException(what + " not found.");
    }
}
