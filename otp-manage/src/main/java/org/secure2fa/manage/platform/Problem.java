package org.secure2fa.manage.platform;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An error as RFC 9457 problem details ({@code application/problem+json}): its status, a title for the
 * kind of problem, what happened in words, and the request field at fault when there is one.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "field"})
public record Problem(String type, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(int status, String title, String detail, String field) {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE))
                .entity(new Problem("about:blank", title, status, detail, field)).build();
    }

    public static Response response(int status, String title, String detail) {
        return response(status, title, detail, null);
    }
}
