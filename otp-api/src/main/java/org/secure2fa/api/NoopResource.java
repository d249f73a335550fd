package org.secure2fa.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /otp/noop}: parses the body like the OTP endpoints and answers without touching the
 * database. The benchmark's yardstick for what the stack itself costs; harmless in production.
 */
@ApplicationScoped
@Path("noop")
public class NoopResource {

    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Response noop(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        ApiFields fields = ApiFields.isJson(contentType) ? ApiFields.fromJson(body) : ApiFields.fromForm(body);
        fields.required("public_key");
        return ApiResponses.generate(200, true, "noop");
    }
}
