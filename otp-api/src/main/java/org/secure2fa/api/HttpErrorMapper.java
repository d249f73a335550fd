package org.secure2fa.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own errors (unknown path, wrong method, unsupported media type) as JSON, keeping their status. */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String message = switch (status) {
            case 404 -> "Not found. The API has POST /otp/generate and POST /otp/verify.";
            case 405 -> "Method not allowed. Use POST.";
            case 415 -> "Unsupported content type. Send application/x-www-form-urlencoded or application/json.";
            case 406 -> "Not acceptable. The API answers application/json.";
            default -> status >= 500 ? ApiResponses.UNAVAILABLE : "Bad request.";
        };
        return ApiResponses.error(uri.getPath(), status >= 500 ? 503 : status, message);
    }
}
