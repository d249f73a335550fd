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
import org.secure2fa.challenge.boundary.VerifyCommand;

/** {@code POST /otp/verify}: check the code a user typed. */
@ApplicationScoped
@Path("verify")
public class VerifyResource {

    @Inject
    ChallengeService challenges;

    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Response verify(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        ApiFields fields = ApiFields.isJson(contentType) ? ApiFields.fromJson(body) : ApiFields.fromForm(body);
        VerifyCommand command = new VerifyCommand(fields.required("public_key"), fields.required("encrypted_data"),
                fields.ipAddress(), fields.userAgent());
        return switch (challenges.verify(command)) {
            case VERIFIED -> ApiResponses.verify(200, true, ApiResponses.VERIFIED);
            case REJECTED -> ApiResponses.verify(401, false, ApiResponses.INVALID_OTP);
            case EXHAUSTED -> ApiResponses.verify(429, false, ApiResponses.TOO_MANY);
            case UNAUTHORIZED_DEVICE -> ApiResponses.verify(401, false, ApiResponses.UNAUTHORIZED_DEVICE);
        };
    }
}
