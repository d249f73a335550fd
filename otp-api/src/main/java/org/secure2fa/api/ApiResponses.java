package org.secure2fa.api;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON answers of the API, with the hosted service's exact messages. */
final class ApiResponses {

    static final String GENERATED = "OTP generated successfully.";
    static final String VERIFIED = "OTP verified successfully";
    static final String INVALID_OTP = "Invalid or expired OTP";
    static final String TOO_MANY = "Too many requests. Request a new OTP";
    static final String UNAUTHORIZED_DEVICE = "Unauthorized device.";
    static final String INVALID_CREDENTIALS = "Invalid public key or encrypted data.";
    static final String NOT_LINKED = "The project is not linked to a channel and a template.";
    static final String TEMPLATE_REQUESTS_OFF = "Template requests are turned off for this project.";
    static final String RATE_LIMITED = "Too many OTP requests for this user. Try again later.";
    static final String UNAVAILABLE = "The service is temporarily unavailable. Try again later.";

    /**
     * One provider for the life of the module: {@code JSON.createObjectBuilder()} looks the provider up
     * through the ServiceLoader on every call, which cost a third of a request's CPU here.
     */
    static final JsonProvider JSON = JsonProvider.provider();

    private ApiResponses() {
    }

    static Response generate(int status, boolean success, String message) {
        return json(status, JSON.createObjectBuilder().add("success", success).add("message", message));
    }

    static Response verify(int status, boolean verified, String message) {
        return json(status, JSON.createObjectBuilder().add("verified", verified).add("message", message));
    }

    static Response json(int status, JsonObjectBuilder body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.build().toString()).build();
    }

    /** An error in the shape of the endpoint it happened on. */
    static Response error(String path, int status, String message) {
        return path != null && path.contains("verify") ? verify(status, false, message) : generate(status, false, message);
    }
}
