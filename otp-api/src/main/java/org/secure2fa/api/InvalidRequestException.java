package org.secure2fa.api;

/** A request whose clear-text fields are missing or malformed: answered 400 with this message. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message, null, false, false);
    }
}
