package org.secure2fa.audit.boundary;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.secure2fa.platform.boundary.InvalidInputException;

/**
 * A place in the events' order (time, source, row id), as an opaque string for the next page's request.
 * It names no secret: the ids are the project's own events, which the caller may read anyway.
 */
record EventCursor(long at, int src, long id) {

    @Override
    public String toString() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((at + "." + src + "." + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** Null for none; anything that is not a cursor this service gave is invalid input. */
    static EventCursor parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.US_ASCII).split("\\.");
            if (parts.length != 3) {
                throw new IllegalArgumentException();
            }
            return new EventCursor(Long.parseLong(parts[0]), Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("cursor", "This cursor is not one the API gave; start without one.");
        }
    }
}
