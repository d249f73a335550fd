package org.secure2fa.manage.platform;

import jakarta.ws.rs.core.EntityTag;

/** Reading the tag an If-Match header names. */
public final class EntityTagHeaders {

    private EntityTagHeaders() {
    }

    /**
     * The tag an If-Match header names (quotes and a weak marker taken off); null without one, or for "*";
     * a header that is no entity tag matches nothing.
     */
    public static String ifMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        try {
            return EntityTag.valueOf(header.strip().replaceFirst("^W/", "")).getValue();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
