package org.secure2fa.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 with the message that says what to fix. */
@Provider
public class InvalidRequestMapper implements ExceptionMapper<InvalidRequestException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(InvalidRequestException e) {
        return ApiResponses.error(uri.getPath(), 400, e.getMessage());
    }
}
