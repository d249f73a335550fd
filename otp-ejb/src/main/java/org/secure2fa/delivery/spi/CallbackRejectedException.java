package org.secure2fa.delivery.spi;

/** A callback that is unsigned, forged, or signed with other credentials: answered 401, nothing changes. */
public class CallbackRejectedException extends Exception {

    public CallbackRejectedException(String message) {
        super(message, null, false, false);
    }
}
