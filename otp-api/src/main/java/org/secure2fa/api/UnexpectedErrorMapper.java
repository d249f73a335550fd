package org.secure2fa.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else (the database is down, a bug): logged with an incident id, answered 503 without
 * internals. Bad input never gets here; it is a 400 or the endpoint's uniform rejection.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, incident " + incident + " on " + uri.getPath(), e);
        return Response.fromResponse(ApiResponses.error(uri.getPath(), 503, ApiResponses.UNAVAILABLE))
                .header("Retry-After", "5").header("X-Incident-Id", incident).build();
    }
}
