package org.secure2fa.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.secure2fa.challenge.boundary.ChallengeService;
import org.secure2fa.challenge.boundary.GenerateCommand;
import org.secure2fa.challenge.boundary.GenerateResult;

/** {@code POST /otp/generate}: issue a code and send it, or return the rendered template. */
@ApplicationScoped
@Path("generate")
public class GenerateResource {

    @Inject
    ChallengeService challenges;

    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Response generate(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        ApiFields fields = ApiFields.isJson(contentType) ? ApiFields.fromJson(body) : ApiFields.fromForm(body);
        GenerateCommand command = new GenerateCommand(fields.required("public_key"), fields.required("encrypted_data"),
                fields.lang(), fields.ipAddress(), fields.userAgent(), fields.templateRequest());
        GenerateResult result = challenges.generate(command);
        return switch (result.status()) {
            case GENERATED -> result.subject() == null && result.body() == null
                    ? ApiResponses.generate(200, true, ApiResponses.GENERATED)
                    : ApiResponses.json(200, ApiResponses.JSON.createObjectBuilder().add("success", true)
                            .add("message", ApiResponses.GENERATED)
                            .add("subject", result.subject() == null ? "" : result.subject())
                            .add("body", result.body()));
            case INVALID_CREDENTIALS -> ApiResponses.generate(401, false, ApiResponses.INVALID_CREDENTIALS);
            case NOT_LINKED -> ApiResponses.generate(409, false, ApiResponses.NOT_LINKED);
            case TEMPLATE_REQUESTS_OFF -> ApiResponses.generate(403, false, ApiResponses.TEMPLATE_REQUESTS_OFF);
            case RATE_LIMITED -> ApiResponses.generate(429, false, ApiResponses.RATE_LIMITED);
            case UNAVAILABLE -> Response.fromResponse(ApiResponses.generate(503, false, ApiResponses.UNAVAILABLE))
                    .header(HttpHeaders.RETRY_AFTER, "30").build();
        };
    }
}
